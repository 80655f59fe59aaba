import { acquisitionProps } from '../acquisition/acquisition.repository';
import { storedCompanyProps } from '../company/company.repository';
import { recordedComputeDealProps } from '../compute/compute-deal.repository';
import { recordedInvestmentProps } from '../investment/investment.repository';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import { rivalryProps } from '../rivalry/rivalry.repository';
import type { SectionName } from '../seed/dataset';
import type { DatasetInputs } from '../seed/to-inputs';
import { sourceIdFor, sourceRow } from '../source/source.repository';
import { subsidiaryLinkProps } from '../subsidiary/subsidiary-link.repository';


/** One record ready for a batched write: the same stored properties the API's repositories write. */
export interface ImportRow {
  readonly id: string;
  /** Parties of a fact, stored direction: investor/provider/child/acquirer/lower id first. */
  readonly fromId?: string;
  readonly toId?: string;
  readonly [key: string]: unknown;
}

/** How one section of a dataset is written, batch by batch, and what the pre-flight checks for it. */
export interface ImportSection {
  readonly name: SectionName;
  readonly rows: ImportRow[];
  /** The batched MERGE; takes `$rows` (or `$sources`) and returns `written`. */
  readonly merge: string;
  /** Parameters for the MERGE of one batch. */
  readonly params: (batch: ImportRow[]) => Record<string, unknown>;
  /** Re-derives the company-to-company edges into the batch's investees / customers, in the same transaction. */
  readonly refresh?: string;
  readonly refreshParams?: (batch: ImportRow[]) => Record<string, unknown>;
  /** Pre-flight: records whose id is already recorded between other parties (or that clash otherwise). */
  readonly conflicts?: string;
}

/** The sections of a dataset in dependency order (sources and companies before the facts that cite them). */
export function importSections(inputs: DatasetInputs, catalog: CypherCatalog): ImportSection[] {
  const asRows = (batch: ImportRow[]) => ({ rows: batch });
  return [
    {
      name: 'sources',
      rows: inputs.sources.map((s) => sourceRow(s, s.id ?? sourceIdFor(s.url)) as ImportRow),
      merge: catalog.get('source/upsert-sources'),
      params: (batch) => ({ sources: batch }),
    },
    {
      name: 'companies',
      rows: inputs.companies.map((c) => ({ id: c.id as string, props: storedCompanyProps({ aliases: [], ...c }) })),
      merge: catalog.get('import/merge-companies'),
      params: asRows,
    },
    {
      name: 'investments',
      rows: inputs.investments.map((i) => ({
        id: i.id as string,
        fromId: i.investorId,
        toId: i.investeeId,
        props: recordedInvestmentProps(i),
        sourceIds: [...new Set(i.sourceIds ?? [])],
      })),
      merge: catalog.get('import/merge-investments'),
      params: asRows,
      refresh: catalog.get('import/refresh-invested-in'),
      refreshParams: (batch) => ({ investeeIds: [...new Set(batch.map((row) => row.toId))] }),
      conflicts: catalog.get('import/conflicting-investments'),
    },
    {
      name: 'computeDeals',
      rows: inputs.computeDeals.map((d) => ({
        id: d.id as string,
        fromId: d.providerId,
        toId: d.customerId,
        props: recordedComputeDealProps(d),
        sourceIds: [...new Set(d.sourceIds ?? [])],
        relatedInvestmentId: d.relatedInvestmentId ?? null,
      })),
      merge: catalog.get('import/merge-compute-deals'),
      params: asRows,
      refresh: catalog.get('import/refresh-supplies-compute'),
      refreshParams: (batch) => ({ customerIds: [...new Set(batch.map((row) => row.toId))] }),
      conflicts: catalog.get('import/conflicting-compute-deals'),
    },
    {
      name: 'rivalries',
      rows: inputs.rivalries.map((r) => {
        const [fromId, toId] = [...r.companyIds].sort();
        return { id: r.id as string, fromId, toId, props: rivalryProps(r, [...new Set(r.sourceIds ?? [])]) };
      }),
      merge: catalog.get('import/merge-rivalries'),
      params: asRows,
      conflicts: catalog.get('import/conflicting-rivalries'),
    },
    {
      name: 'subsidiaries',
      rows: inputs.subsidiaries.map((s) => ({ id: s.id as string, fromId: s.childId, toId: s.parentId, props: subsidiaryLinkProps(s, [...new Set(s.sourceIds ?? [])]) })),
      merge: catalog.get('import/merge-subsidiary-links'),
      params: asRows,
      conflicts: catalog.get('import/conflicting-subsidiary-links'),
    },
    {
      name: 'acquisitions',
      rows: inputs.acquisitions.map((a) => ({ id: a.id as string, fromId: a.acquirerId, toId: a.targetId, props: acquisitionProps(a, [...new Set(a.sourceIds ?? [])]) })),
      merge: catalog.get('import/merge-acquisitions'),
      params: asRows,
      conflicts: catalog.get('import/conflicting-acquisitions'),
    },
  ];
}
