import type { Change, CompanyRef, GraphCompany, Money, RelationKind, RelationKindInfo, Subgraph, SubgraphEdge } from '../../src/api/types';
import { RelationPalette } from '../../src/graph/palette';
import { relationKindInfos } from '../../../src/analytics/relation-kind';

/** The relation kinds as the server lists them (its own answer to relationKinds), and the palette made from them. */
export const KINDS: RelationKindInfo[] = relationKindInfos();
export const PALETTE = new RelationPalette(KINDS);

export function money(parts: Partial<Money> = {}): Money {
  const base = { paidUsd: 0, committedUsd: 0, ceilingUsd: 0, contractValueUsd: 0, stakeValueUsd: 0, undisclosedCount: 0, ...parts };
  return { headlineUsd: base.paidUsd + base.committedUsd, description: 'described', ...base };
}

export function company(id: string, kind: GraphCompany['kind'] = 'AI_LAB', name = id.charAt(0).toUpperCase() + id.slice(1)): GraphCompany {
  return { id, name, kind, country: 'US' };
}

export function ref(id: string, kind: CompanyRef['kind'] = 'AI_LAB'): CompanyRef {
  const { country: _country, ...rest } = company(id, kind);
  return rest;
}

export function edge(kind: RelationKind, from: string, to: string, parts: Partial<SubgraphEdge> = {}): SubgraphEdge {
  return {
    id: KINDS.find((info) => info.kind === kind)?.perPair ? `${kind}:${from}:${to}` : `fact-${kind.toLowerCase()}-${from}-${to}`,
    from,
    to,
    kind,
    amountUsd: null,
    amountKind: null,
    facts: 1,
    date: '2023-09-25',
    label: `${kind} ${from} ${to}`,
    money: money(),
    ...parts,
  };
}

export function subgraph(center: string, nodes: GraphCompany[], edges: SubgraphEdge[], truncated = false): Subgraph {
  const centre = nodes.find((node) => node.id === center) ?? company(center);
  return { truncated, omittedNodes: truncated ? 1 : 0, omittedEdges: 0, center: { id: centre.id, name: centre.name, kind: centre.kind }, nodes, edges };
}

/** A change-log entry as the API answers it (an investment recorded by default). */
export function change(seq: number, parts: Partial<Change> = {}): Change {
  return {
    seq,
    group: seq,
    at: '2026-12-06T21:47:42.123456789Z',
    actor: null,
    operation: 'recordInvestment',
    entityType: 'Investment',
    entityId: `inv-${seq}`,
    entityIds: [],
    kind: 'CREATED',
    companyIds: ['amazon', 'anthropic'],
    before: null,
    after: { id: `inv-${seq}`, investorId: 'amazon', investeeId: 'anthropic', amountUsd: 1e9, sourceIds: [`src-${seq}`] },
    summary: `a writer recorded investment inv-${seq} (amazon, anthropic)`,
    redactedBy: null,
    ...parts,
  };
}
