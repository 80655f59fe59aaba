import { appendTo } from '../../../src/platform/append-to';

describe('appendTo', () => {
  it('groups values under their keys in the order given, appending to the list a key already holds', () => {
    const groups = new Map<string, number[]>();
    const first = [1];
    groups.set('a', first);
    for (const [key, value] of [['a', 2], ['b', 3], ['a', 4]] as const) appendTo(groups, key, value);
    expect([...groups]).toEqual([['a', [1, 2, 4]], ['b', [3]]]);
    // Appends in place: copying the list on every append made grouping a hub's facts quadratic.
    expect(groups.get('a')).toBe(first);
  });
});
