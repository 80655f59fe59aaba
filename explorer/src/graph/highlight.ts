// Analytics answers as highlights on the picture: which companies and relations a loop, a path or a backer row
// runs through, matched to what is drawn, and added to the picture where the neighbourhood does not reach.

import type { Change, CompanyRef, CompetitorBacking, GraphPath, Money, MoneyFlowKind, MoneyLoop, RelationKind, RelationKindInfo, SubgraphEdge, TwoSidedBacker } from '../api/types';
import { addFromAnalytics, type Picture, type PictureEdge } from './picture';

/** A relation an answer names, in the direction the neighbourhood draws it. */
export interface Link {
  kind: RelationKind;
  from: string;
  to: string;
  /** The fact's id, for relations drawn one per fact (rivalries, subsidiary links, acquisitions). */
  factId?: string;
  /** What to call it when it has to be drawn from the answer. */
  label: string;
  /**
   * Marked only where drawn, either way round, and never drawn from the answer (nor its ends added): a change names
   * its fact's companies, not which way its relation is drawn, and a removed fact's relation is not there to draw.
   */
  drawnOnly?: boolean;
}

export interface Highlight {
  companies: CompanyRef[];
  links: Link[];
}

/** Loop steps are flows of money; the graph draws the relations they follow. */
const FLOW_RELATION: Readonly<Record<MoneyFlowKind, { kind: RelationKind; reversed: boolean }>> = {
  INVESTMENT: { kind: 'INVESTED_IN', reversed: false },
  // The customer pays the provider; the relation points from the provider.
  COMPUTE: { kind: 'SUPPLIES_COMPUTE', reversed: true },
  // A subsidiary's takings count for its parent; the relation points from the subsidiary.
  OWNERSHIP: { kind: 'SUBSIDIARY_OF', reversed: false },
};

export function loopHighlight(loop: MoneyLoop): Highlight {
  return {
    companies: uniqueCompanies(loop.steps.flatMap((step) => [step.from, step.to])),
    links: loop.steps.map((step) => {
      const { kind, reversed } = FLOW_RELATION[step.kind];
      return { kind, from: reversed ? step.to.id : step.from.id, to: reversed ? step.from.id : step.to.id, label: step.description };
    }),
  };
}

export function pathHighlight(path: GraphPath): Highlight {
  return {
    companies: uniqueCompanies(path.nodes),
    links: path.steps.map((step) => ({
      kind: step.kind,
      from: step.forward ? step.from.id : step.to.id,
      to: step.forward ? step.to.id : step.from.id,
      factId: step.rivalry?.id ?? step.subsidiaryLink?.id ?? step.acquisition?.id,
      label: step.description,
    })),
  };
}

export function backingHighlight(row: CompetitorBacking, target: CompanyRef): Highlight {
  const investments = row.investments.map((investment): Link => ({
    kind: 'INVESTED_IN',
    from: investment.investor.id,
    to: investment.investee.id,
    label: `${row.backer.name} backs ${row.competitor.name}`,
  }));
  const rivalries = row.rivalries.map((rivalry): Link => ({
    kind: 'COMPETES_WITH',
    from: row.competitor.id,
    to: target.id,
    factId: rivalry.id,
    label: `${row.competitor.name} competes with ${target.name}`,
  }));
  return { companies: uniqueCompanies([row.backer, row.competitor, target, ...row.throughSubsidiaries]), links: uniqueLinks([...investments, ...rivalries]) };
}

export function twoSidedHighlight(row: TwoSidedBacker): Highlight {
  return {
    companies: uniqueCompanies([row.backer, row.sideA, row.sideB]),
    links: [
      { kind: 'INVESTED_IN', from: row.backer.id, to: row.sideA.id, label: `${row.backer.name} backs ${row.sideA.name}` },
      { kind: 'INVESTED_IN', from: row.backer.id, to: row.sideB.id, label: `${row.backer.name} backs ${row.sideB.name}` },
      { kind: 'COMPETES_WITH', from: row.sideA.id, to: row.sideB.id, factId: row.rivalry.id, label: `rivals: ${row.market}` },
    ],
  };
}

/**
 * A change's fact on the picture: the companies it concerns (added where not drawn, named by id) and, where drawn,
 * the relation the fact makes: a per-fact kind's own edge (its id is the fact's), or for a per-pair kind (investments,
 * compute deals) the edge of that kind between two of the companies. Changes to companies and sources mark no relation.
 */
export function changeHighlight(change: Change, kinds: readonly RelationKindInfo[]): Highlight {
  const companies = change.companyIds.map((id): CompanyRef => ({ id, name: id, kind: 'OTHER' }));
  const info = kinds.find((candidate) => candidate.factType === change.entityType);
  if (!info || !change.entityId) return { companies, links: [] };
  const [first = '', second = first] = change.companyIds;
  if (!info.perPair) return { companies, links: [{ kind: info.kind, from: first, to: second, factId: change.entityId, label: change.summary, drawnOnly: true }] };
  const links = change.companyIds.flatMap((from, i) => change.companyIds.slice(i + 1).map((to): Link => ({ kind: info.kind, from, to, label: change.summary, drawnOnly: true })));
  return { companies, links };
}

export interface ResolvedHighlight {
  /** The picture with whatever the answer names that was not drawn yet. */
  picture: Picture;
  nodeIds: string[];
  edgeIds: string[];
}

const NO_MONEY: Money = Object.freeze({
  paidUsd: 0,
  committedUsd: 0,
  ceilingUsd: 0,
  contractValueUsd: 0,
  stakeValueUsd: 0,
  headlineUsd: 0,
  undisclosedCount: 0,
  description: 'see the answer',
});

/** The companies a company rolls up to through subsidiary links drawn in the picture (itself first). */
function ancestry(picture: Picture, id: string): string[] {
  const chain = [id];
  for (let current = id; ; ) {
    const up = [...picture.edges.values()].find((edge) => edge.kind === 'SUBSIDIARY_OF' && edge.from === current);
    if (!up || chain.includes(up.to)) return chain;
    chain.push(up.to);
    current = up.to;
  }
}

/** The subsidiary-link edges from a company up to one of its ancestors. */
function linksUpTo(picture: Picture, id: string, ancestor: string): PictureEdge[] {
  const links: PictureEdge[] = [];
  for (let current = id; current !== ancestor; ) {
    const up = [...picture.edges.values()].find((edge) => edge.kind === 'SUBSIDIARY_OF' && edge.from === current);
    if (!up) break;
    links.push(up);
    current = up.to;
  }
  return links;
}

/**
 * Finds each link among the drawn edges: the same fact, else the same kind between the same companies (either way
 * round for rivalries), else an edge of a subsidiary when the answer names the parent (answers roll up). A link
 * found nowhere is added to the picture, drawn from the answer, unless it is `drawnOnly`.
 */
export function resolveHighlight(picture: Picture, highlight: Highlight): ResolvedHighlight {
  const added: SubgraphEdge[] = [];
  const nodeIds = new Set(highlight.companies.map((company) => company.id));
  const edgeIds = new Set<string>();
  const drawn = [...picture.edges.values()];
  for (const link of highlight.links) {
    const sameKind = drawn.filter((edge) => edge.kind === link.kind);
    if (link.drawnOnly) {
      const ends = new Set([link.from, link.to]);
      const found = link.factId ? sameKind.find((edge) => edge.id === link.factId) : sameKind.find((edge) => edge.from !== edge.to && ends.has(edge.from) && ends.has(edge.to));
      if (found) edgeIds.add(found.id);
      continue;
    }
    nodeIds.add(link.from).add(link.to);
    const exact =
      (link.factId ? sameKind.find((edge) => edge.id === link.factId) : undefined) ??
      sameKind.find((edge) => (edge.from === link.from && edge.to === link.to) || (link.kind === 'COMPETES_WITH' && edge.from === link.to && edge.to === link.from));
    if (exact) {
      edgeIds.add(exact.id);
      continue;
    }
    const viaSubsidiary = sameKind.find((edge) => ancestry(picture, edge.from).includes(link.from) && ancestry(picture, edge.to).includes(link.to));
    if (viaSubsidiary) {
      edgeIds.add(viaSubsidiary.id);
      for (const [id, ancestor] of [
        [viaSubsidiary.from, link.from],
        [viaSubsidiary.to, link.to],
      ] as const) {
        nodeIds.add(id);
        for (const up of linksUpTo(picture, id, ancestor)) {
          edgeIds.add(up.id);
          nodeIds.add(up.from);
        }
      }
      continue;
    }
    const id = link.factId ?? `${link.kind}:${link.from}:${link.to}`;
    if (!added.some((edge) => edge.id === id)) {
      added.push({ id, from: link.from, to: link.to, kind: link.kind, amountUsd: null, amountKind: null, facts: 1, date: null, label: link.label, money: NO_MONEY });
    }
    edgeIds.add(id);
  }
  const known = new Map(highlight.companies.map((company) => [company.id, company]));
  const missing = [...nodeIds].filter((id) => !picture.nodes.has(id)).map((id): CompanyRef => known.get(id) ?? { id, name: id, kind: 'OTHER' });
  return { picture: addFromAnalytics(picture, missing, added), nodeIds: [...nodeIds], edgeIds: [...edgeIds] };
}

function uniqueCompanies(companies: readonly CompanyRef[]): CompanyRef[] {
  return [...new Map(companies.map((company) => [company.id, company])).values()];
}

function uniqueLinks(links: readonly Link[]): Link[] {
  return [...new Map(links.map((link) => [`${link.kind}:${link.from}:${link.to}:${link.factId ?? ''}`, link])).values()];
}
