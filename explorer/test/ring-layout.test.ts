import { ringPositions } from '../src/graph/ring-layout';

describe('ringPositions', () => {
  const distance = (p: { x: number; y: number }) => Math.hypot(p.x, p.y);

  it('puts the centre in the middle, each hop on rings of its own, nearer hops inside', () => {
    const nodes = [{ id: 'hub', hop: 0 }, ...Array.from({ length: 3 }, (_, i) => ({ id: `a${i}`, hop: 1 })), { id: 'far', hop: 2 }];
    const positions = ringPositions(nodes);
    expect(positions.get('hub')).toEqual({ x: 0, y: 0 });
    const first = ['a0', 'a1', 'a2'].map((id) => distance(positions.get(id)!));
    expect(new Set(first.map(Math.round))).toEqual(new Set([120]));
    expect(distance(positions.get('far')!)).toBeCloseTo(180);
  });

  it('fills a ring as its circumference allows, keeps companies apart, and places thousands in order', () => {
    const nodes = [{ id: 'hub', hop: 0 }, ...Array.from({ length: 4999 }, (_, i) => ({ id: `n${i}`, hop: i < 500 ? 1 : 2 }))];
    const positions = ringPositions(nodes);
    expect(positions.size).toBe(5000);
    // The API's order is kept: an earlier company of a hop is never on an outer ring than a later one.
    const radii = nodes.map((node) => Math.round(distance(positions.get(node.id)!)));
    for (let i = 2; i < radii.length; i++) expect(radii[i]!).toBeGreaterThanOrEqual(radii[i - 1]!);
    // Neighbours on a ring are at least the spacing apart.
    const ring = nodes.filter((node) => Math.round(distance(positions.get(node.id)!)) === radii[1]).map((node) => positions.get(node.id)!);
    expect(Math.hypot(ring[0]!.x - ring[1]!.x, ring[0]!.y - ring[1]!.y)).toBeGreaterThanOrEqual(39.9);
    expect(Math.max(...radii)).toBeLessThan(2500);
  });
});
