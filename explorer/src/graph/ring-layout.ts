// Where a large picture's companies go: rings around the centre, hop by hop, in the order the API kept them (nearer
// first, then the most money), each ring as full as its circumference allows. Linear in the number of companies: a
// force-directed layout of thousands of them would take minutes, and rings read as "how far from the centre".

/** Room along a ring for one company, and between rings, in model pixels. */
const SPACING = 40;
const RING_GAP = 60;
const FIRST_RADIUS = 120;

/**
 * Positions for companies given in the order kept, each with its hop from the centre (0 for the centre; companies not
 * reached, e.g. added from an analytics answer, go last with any hop past the others). A new hop starts a new ring.
 */
export function ringPositions(nodes: readonly { id: string; hop: number }[]): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  const ordered = nodes.map((node, index) => ({ ...node, index })).sort((a, b) => a.hop - b.hop || a.index - b.index);
  let radius = 0;
  let ring: { id: string }[] = [];
  let ringHop = -1;
  const place = () => {
    ring.forEach((node, i) => {
      if (radius === 0) positions.set(node.id, { x: 0, y: 0 });
      else {
        const angle = (2 * Math.PI * i) / ring.length - Math.PI / 2;
        positions.set(node.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
      }
    });
    ring = [];
  };
  const capacity = () => (radius === 0 ? 1 : Math.max(1, Math.floor((2 * Math.PI * radius) / SPACING)));
  for (const node of ordered) {
    if (ring.length > 0 && (node.hop !== ringHop || ring.length >= capacity())) {
      place();
      radius = radius === 0 ? FIRST_RADIUS : radius + RING_GAP;
    }
    ringHop = node.hop;
    ring.push(node);
  }
  place();
  return positions;
}
