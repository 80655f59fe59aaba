import { appendOlder, citedSourceIds, EMPTY_CHANGE_LIST, mergeChanges, newestSeq, oldestSeq } from '../src/state/change-list';
import { change } from './support/fixtures';

const seqs = (list: { changes: readonly { seq: number }[] }) => list.changes.map((c) => c.seq);

describe('the changes panel list', () => {
  it('lists a page newest first, then live changes above it, each seq once whatever the feed replays', () => {
    const page = appendOlder(EMPTY_CHANGE_LIST, { changes: [change(12), change(11), change(9)], more: true });
    expect(seqs(page)).toEqual([12, 11, 9]);
    expect(page.more).toBe(true);
    // A reconnection replays 12 (already listed) with 13 and 14; they may arrive out of order within one flush.
    const live = mergeChanges(page, [change(14), change(12, { summary: 'replayed' }), change(13)]);
    expect(seqs(live)).toEqual([14, 13, 12, 11, 9]);
    expect(live.changes.find((c) => c.seq === 12)?.summary).not.toBe('replayed');
    expect(live.more).toBe(true);
    expect(mergeChanges(live, [change(13), change(14)])).toEqual(live);
    expect([newestSeq(live), oldestSeq(live)]).toEqual([14, 9]);
    expect([newestSeq(EMPTY_CHANGE_LIST), oldestSeq(EMPTY_CHANGE_LIST)]).toEqual([null, null]);
  });

  it('drops the oldest past the limit and says older ones exist again', () => {
    const full = appendOlder(EMPTY_CHANGE_LIST, { changes: [change(3), change(2), change(1)], more: false });
    const merged = mergeChanges(full, [change(5), change(4)], 4);
    expect(seqs(merged)).toEqual([5, 4, 3, 2]);
    expect(merged.more).toBe(true);
  });

  it('appends an older page below, its `more` replacing the last one, without repeating what is listed', () => {
    const first = appendOlder(EMPTY_CHANGE_LIST, { changes: [change(30), change(29)], more: true });
    const both = appendOlder(first, { changes: [change(29), change(20), change(7)], more: false });
    expect(seqs(both)).toEqual([30, 29, 20, 7]);
    expect(both.more).toBe(false);
  });

  it('reads the sources a change cites: after and before, each once; a source change its own id', () => {
    expect(citedSourceIds(change(1))).toEqual(['src-1']);
    const moved = change(2, { kind: 'UPDATED', before: { sourceIds: ['a', 'b'] }, after: { sourceIds: ['b', 'c'] } });
    expect(citedSourceIds(moved)).toEqual(['b', 'c', 'a']);
    expect(citedSourceIds(change(3, { kind: 'UPDATED', before: { amountUsd: 1 }, after: { amountUsd: 2 } }))).toEqual([]);
    expect(citedSourceIds(change(4, { kind: 'REMOVED', before: { sourceIds: ['x', 7, null] }, after: null }))).toEqual(['x']);
    expect(citedSourceIds(change(5, { entityType: 'Source', entityId: 'src-reuters-1', companyIds: [], after: { url: 'https://example.com' } }))).toEqual(['src-reuters-1']);
    expect(citedSourceIds(change(6, { before: null, after: null, redactedBy: 9 }))).toEqual([]);
  });
});
