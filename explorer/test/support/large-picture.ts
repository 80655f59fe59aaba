import type { GraphCompany, RelationKind, Subgraph, SubgraphEdge } from '../../src/api/types';
import { company, edge, KINDS, money, subgraph } from './fixtures';

/** A small seeded generator (mulberry32): the same picture on every run and every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANY_KINDS: GraphCompany['kind'][] = ['AI_LAB', 'BIG_TECH', 'CLOUD', 'NEOCLOUD', 'CHIPMAKER', 'INVESTOR', 'OTHER'];

/**
 * A fixed neighbourhood answer of `nodes` companies and `edges` relations, shaped like a real one: a centre, a first
 * hop of a tenth of the companies tied to it, the rest each tied to one company of the first hop, then relations
 * between companies drawn at random (seeded) until there are `edges`, of every kind the server lists, some with money.
 */
export function largeSubgraph(nodes = 5000, edges = 15000, seed = 22): Subgraph {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const companies = Array.from({ length: nodes }, (_, i) => company(i === 0 ? 'hub' : `c${String(i).padStart(4, '0')}`, pick(COMPANY_KINDS), i === 0 ? 'Hub' : `Company ${i}`));
  const firstHop = Math.max(1, Math.floor(nodes / 10));
  const relations = new Map<string, SubgraphEdge>();
  const kinds = KINDS.map((info) => info.kind) as RelationKind[];
  const add = (from: GraphCompany, to: GraphCompany) => {
    const kind = pick(kinds);
    const usd = next() < 0.5 ? Math.round(10 ** (7 + next() * 4)) : 0;
    const relation = edge(kind, from.id, to.id, usd > 0 ? { amountUsd: usd, money: money({ paidUsd: usd }), label: `$${usd}` } : {});
    if (from.id !== to.id && !relations.has(relation.id)) relations.set(relation.id, relation);
  };
  for (let i = 1; i < nodes; i++) add(i <= firstHop ? companies[0]! : companies[1 + Math.floor(next() * firstHop)]!, companies[i]!);
  while (relations.size < edges) add(pick(companies), pick(companies));
  return { ...subgraph('hub', companies, [...relations.values()]), truncated: true, omittedNodes: 1234, omittedEdges: 56 };
}
