import { edgeWidth, MAX_EDGE_WIDTH, MIN_EDGE_WIDTH, moneyStyleOf, pictureElements, widthOf } from '../src/graph/elements';
import { addFromAnalytics, edgesOf, emptyPicture, mergeSubgraph } from '../src/graph/picture';
import { company, edge, money, PALETTE, ref, subgraph } from './support/fixtures';

describe('graph elements', () => {
  it('draws money by its nature: headline first, then ceiling-only, contract-only, stake-only, undisclosed', () => {
    expect(moneyStyleOf(edge('INVESTED_IN', 'amazon', 'anthropic', { money: money({ paidUsd: 1.25e9, ceilingUsd: 2.75e9 }) }), PALETTE)).toBe('headline');
    expect(moneyStyleOf(edge('INVESTED_IN', 'nvidia', 'openai', { money: money({ ceilingUsd: 100e9 }) }), PALETTE)).toBe('ceiling-only');
    expect(moneyStyleOf(edge('SUPPLIES_COMPUTE', 'oracle', 'openai', { money: money({ contractValueUsd: 300e9 }) }), PALETTE)).toBe('contract-only');
    expect(moneyStyleOf(edge('INVESTED_IN', 'microsoft', 'openai', { money: money({ stakeValueUsd: 135e9 }) }), PALETTE)).toBe('stake-only');
    expect(moneyStyleOf(edge('INVESTED_IN', 'a', 'b', { money: money({ undisclosedCount: 1 }) }), PALETTE)).toBe('undisclosed');
    expect(moneyStyleOf(edge('COMPETES_WITH', 'a', 'b', { money: money({ paidUsd: 5 }) }), PALETTE)).toBe('none');
  });

  it('weights edges by headline money on a log scale that means the same on every date', () => {
    expect(edgeWidth(0)).toBe(MIN_EDGE_WIDTH);
    expect(edgeWidth(1e7)).toBe(MIN_EDGE_WIDTH);
    expect(edgeWidth(1e8)).toBeCloseTo(MIN_EDGE_WIDTH + 2.5);
    expect(edgeWidth(1e9)).toBeCloseTo(MIN_EDGE_WIDTH + 5);
    expect(edgeWidth(1e15)).toBe(MAX_EDGE_WIDTH);
    expect(edgeWidth(8e9)).toBeGreaterThan(edgeWidth(1.25e9));
    // A ceiling never widens an edge: $1.25B paid of up to $4B is as wide as $1.25B.
    const partly = edge('INVESTED_IN', 'amazon', 'anthropic', { money: money({ paidUsd: 1.25e9, ceilingUsd: 2.75e9 }) });
    expect(widthOf(partly, PALETTE)).toBe(edgeWidth(1.25e9));
    expect(widthOf(edge('INVESTED_IN', 'nvidia', 'openai', { money: money({ ceilingUsd: 100e9 }) }), PALETTE)).toBe(MIN_EDGE_WIDTH);
  });

  it('maps a picture to nodes and edges with the classes and data the stylesheet reads', () => {
    const answer = subgraph(
      'anthropic',
      [company('anthropic'), company('amazon', 'BIG_TECH'), company('openai')],
      [edge('INVESTED_IN', 'amazon', 'anthropic', { money: money({ paidUsd: 1.25e9, ceilingUsd: 2.75e9 }) }), edge('COMPETES_WITH', 'anthropic', 'openai')],
    );
    const elements = pictureElements(mergeSubgraph(emptyPicture('anthropic'), answer), { expanded: new Set(['amazon']), palette: PALETTE });
    const byId = new Map(elements.map((element) => [element.data.id, element]));
    expect(byId.get('anthropic')?.classes).toBe('company-AI_LAB center');
    expect(byId.get('amazon')?.classes).toBe('company-BIG_TECH expanded');
    const money_ = byId.get('INVESTED_IN:amazon:anthropic');
    expect(money_?.data).toMatchObject({ source: 'amazon', target: 'anthropic', kind: 'INVESTED_IN', color: PALETTE.style('INVESTED_IN').color, width: edgeWidth(1.25e9) });
    expect(money_?.classes).toBe('relation-INVESTED_IN money-headline');
    expect(byId.get('fact-competes_with-anthropic-openai')?.classes).toBe('relation-COMPETES_WITH money-none');
  });

  it('leaves out an edge whose end the API cut (caps), rather than failing to draw', () => {
    const answer = subgraph('a', [company('a')], [edge('INVESTED_IN', 'a', 'missing')], true);
    const picture = mergeSubgraph(emptyPicture('a'), answer);
    expect(picture.truncated).toBe(true);
    expect(pictureElements(picture, { expanded: new Set(), palette: PALETTE }).map((element) => element.data.id)).toEqual(['a']);
  });
});

describe('picture', () => {
  it('merges an expanded neighbourhood into the picture without duplicating what was drawn', () => {
    const first = subgraph('anthropic', [company('anthropic'), company('amazon')], [edge('INVESTED_IN', 'amazon', 'anthropic')]);
    const second = subgraph('amazon', [company('amazon'), company('anthropic'), company('aws')], [edge('INVESTED_IN', 'amazon', 'anthropic'), edge('SUBSIDIARY_OF', 'aws', 'amazon')]);
    const picture = mergeSubgraph(mergeSubgraph(emptyPicture('anthropic'), first), second);
    expect([...picture.nodes.keys()].sort()).toEqual(['amazon', 'anthropic', 'aws']);
    expect(picture.edges.size).toBe(2);
    expect(picture.center).toBe('anthropic');
    expect(edgesOf(picture, 'amazon').map((e) => e.kind).sort()).toEqual(['INVESTED_IN', 'SUBSIDIARY_OF']);
  });

  it('lets a neighbourhood answer replace what an analytics answer drew, never the other way', () => {
    const analytic = addFromAnalytics(emptyPicture('a'), [ref('b')], [edge('INVESTED_IN', 'b', 'a', { label: 'from the answer' })]);
    expect(analytic.edges.get('INVESTED_IN:b:a')?.origin).toBe('analytics');
    const merged = mergeSubgraph(analytic, subgraph('a', [company('a'), company('b')], [edge('INVESTED_IN', 'b', 'a', { label: 'invested $1B' })]));
    expect(merged.edges.get('INVESTED_IN:b:a')).toMatchObject({ origin: 'neighborhood', label: 'invested $1B' });
    const again = addFromAnalytics(merged, [], [edge('INVESTED_IN', 'b', 'a', { label: 'from the answer' })]);
    expect(again.edges.get('INVESTED_IN:b:a')?.label).toBe('invested $1B');
  });
});
