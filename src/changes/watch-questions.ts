import { formatUsd } from '../domain/money';

// The questions a watch can hold, each declared once: the GraphQL document that answers it (run against this
// server's own schema, so a watch answers exactly what the query answers), the rows of the answer with a key and the
// values whose change is news, the companies it is anchored on, how far from them a change can touch the answer,
// and the English lines of an alert.

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One row of an answer: what identifies it, what would be news if it changed, and how to say so. */
export interface WatchRow {
  readonly key: string;
  /** Compared as JSON between two answers: money, status. */
  readonly value: unknown;
  readonly companies: readonly string[];
  readonly added: string;
  readonly removed: string;
  /** The line when the row stays but its value changed (given the old row). */
  readonly changed: (old: StoredRow) => string;
}

/** A row as a watch keeps its last answer (JSON): enough to tell, next time, what went or changed. */
export type StoredRow = Pick<WatchRow, 'key' | 'value' | 'companies' | 'removed'>;

export function storedRow(row: WatchRow): StoredRow {
  return { key: row.key, value: row.value, companies: row.companies, removed: row.removed };
}

export interface WatchQuestion {
  readonly name: WatchQuestionName;
  /** Arguments it takes and which of them are required (an id argument names a company). */
  readonly args: Readonly<Record<string, { required: boolean; company: boolean; int?: { min: number; max: number } }>>;
  readonly document: string;
  readonly rows: (data: Data, args: Readonly<Record<string, unknown>>) => WatchRow[];
  /** Companies the question is about; its reach is what lies within `reachHops` of them. */
  readonly anchors: (args: Readonly<Record<string, unknown>>, data: Data) => string[];
  readonly reachHops: (args: Readonly<Record<string, unknown>>) => number;
}

export type WatchQuestionName = 'backersOfCompetitors' | 'twoSidedBackers' | 'moneyLoops' | 'exposure' | 'connection';

const usd = (value: number | null | undefined) => (value === null || value === undefined ? 'an undisclosed amount' : formatUsd(value));

const BACKERS: WatchQuestion = {
  name: 'backersOfCompetitors',
  args: { companyId: { required: true, company: true } },
  document: `query WatchBackersOfCompetitors($companyId: ID!) {
  target: company(id: $companyId) { id name }
  rows: backersOfCompetitors(companyId: $companyId) { backer { id name } competitor { id name } money { headlineUsd description } alsoBacksTarget explanation }
}`,
  rows: (data) =>
    (data.rows as Data[]).map((row) => ({
      key: `${row.backer.id}>${row.competitor.id}`,
      value: { money: row.money.description, alsoBacksTarget: row.alsoBacksTarget },
      companies: [row.backer.id, row.competitor.id],
      added: `${row.backer.name} now backs ${row.competitor.name}, a competitor of ${data.target.name} (${row.explanation})`,
      removed: `${row.backer.name} no longer counts as a backer of ${row.competitor.name}, a competitor of ${data.target.name}`,
      changed: (old) => `${row.backer.name}'s backing of ${row.competitor.name}, a competitor of ${data.target.name}, is now ${row.money.description}${row.alsoBacksTarget ? ` (it also backs ${data.target.name})` : ''}; it was ${(old.value as Data).money}`,
    })),
  anchors: (args) => [args.companyId as string],
  // The company, its rivals (or its subsidiaries' rivals), and their backers.
  reachHops: () => 2,
};

const TWO_SIDED: WatchQuestion = {
  name: 'twoSidedBackers',
  args: { market: { required: true, company: false } },
  document: `query WatchTwoSidedBackers($market: String!) {
  rows: twoSidedBackers(market: $market, first: 100) { nodes { backer { id name } sideA { id name } sideB { id name } moneyA { description } moneyB { description } market } }
  rivals: rivalries(market: $market, first: 100) { nodes { companies { id } } }
}`,
  rows: (data) =>
    (data.rows.nodes as Data[]).map((row) => ({
      key: `${row.backer.id}>${row.sideA.id}|${row.sideB.id}`,
      value: { a: row.moneyA.description, b: row.moneyB.description },
      companies: [row.backer.id, row.sideA.id, row.sideB.id],
      added: `${row.backer.name} now backs both ${row.sideA.name} (${row.moneyA.description}) and ${row.sideB.name} (${row.moneyB.description}), rivals in ${row.market}`,
      removed: `${row.backer.name} no longer backs both ${row.sideA.name} and ${row.sideB.name} in ${row.market}`,
      changed: () => `${row.backer.name} now has ${row.moneyA.description} in ${row.sideA.name} and ${row.moneyB.description} in ${row.sideB.name}, rivals in ${row.market}`,
    })),
  anchors: (_args, data) => [...new Set(((data.rivals?.nodes ?? []) as Data[]).flatMap((rivalry) => (rivalry.companies as Data[]).map((company) => company.id as string)))],
  reachHops: () => 1,
};

const LOOPS: WatchQuestion = {
  name: 'moneyLoops',
  args: { companyId: { required: true, company: true }, maxLength: { required: false, company: false, int: { min: 2, max: 5 } } },
  document: `query WatchMoneyLoops($companyId: ID!, $maxLength: Int! = 4) {
  rows: moneyLoops(companyId: $companyId, maxLength: $maxLength, first: 100) { nodes { companies { id name } totalUsd explanation } }
}`,
  rows: (data) =>
    (data.rows.nodes as Data[]).map((loop) => {
      const names = (loop.companies as Data[]).map((company) => company.name).join(' -> ');
      return {
        key: (loop.companies as Data[]).map((company) => company.id).join('>'),
        value: { totalUsd: loop.totalUsd },
        companies: (loop.companies as Data[]).map((company) => company.id as string),
        added: `New money loop: ${names} (${loop.explanation})`,
        removed: `The money loop ${names} no longer holds`,
        changed: (old) => `The money loop ${names} now carries ${usd(loop.totalUsd)} (was ${usd((old.value as Data).totalUsd)})`,
      };
    }),
  anchors: (args) => [args.companyId as string],
  reachHops: (args) => Math.min(3, Number(args.maxLength ?? 4) - 1),
};

const SECTIONS = [
  ['funders', 'now funds', 'no longer funds'],
  ['investees', 'is now invested in by', 'is no longer invested in by'],
  ['computeSuppliers', 'now supplies compute to', 'no longer supplies compute to'],
  ['computeCustomers', 'now buys compute from', 'no longer buys compute from'],
] as const;

const EXPOSURE: WatchQuestion = {
  name: 'exposure',
  args: { companyId: { required: true, company: true } },
  document: `query WatchExposure($companyId: ID!) {
  e: exposure(companyId: $companyId) {
    company { id name }
    ${SECTIONS.map(([section]) => `${section} { counterparty { id name } amountUsd money { description } }`).join('\n    ')}
  }
}`,
  rows: (data) =>
    SECTIONS.flatMap(([section, now, notAny]) =>
      ((data.e?.[section] ?? []) as Data[]).map((share) => ({
        key: `${section}:${share.counterparty.id}`,
        value: { money: share.money.description },
        companies: [share.counterparty.id as string],
        added: `${share.counterparty.name} ${now} ${data.e.company.name} (${share.money.description})`,
        removed: `${share.counterparty.name} ${notAny} ${data.e.company.name}`,
        changed: (old) => `${share.counterparty.name} and ${data.e.company.name} (${section}): ${share.money.description}, was ${(old.value as Data).money}`,
      })),
    ),
  anchors: (args) => [args.companyId as string],
  reachHops: () => 1,
};

const CONNECTION: WatchQuestion = {
  name: 'connection',
  args: { fromId: { required: true, company: true }, toId: { required: true, company: true }, maxHops: { required: false, company: false, int: { min: 1, max: 6 } } },
  document: `query WatchConnection($fromId: ID!, $toId: ID!, $maxHops: Int! = 4) {
  from: company(id: $fromId) { name }
  to: company(id: $toId) { name }
  path: connection(fromId: $fromId, toId: $toId, maxHops: $maxHops) { length nodes { id name } steps { description } }
}`,
  rows: (data) => {
    if (!data.path) return [];
    const path = data.path as Data;
    const route = (path.nodes as Data[]).map((node) => node.name).join(' -> ');
    return [
      {
        key: 'path',
        value: { length: path.length, route },
        companies: (path.nodes as Data[]).map((node) => node.id as string),
        added: `${data.from.name} and ${data.to.name} are now connected in ${path.length} steps: ${route}`,
        removed: `${data.from.name} and ${data.to.name} are no longer connected`,
        changed: (old) => `${data.from.name} and ${data.to.name} are now connected in ${path.length} steps: ${route} (was ${(old.value as Data).length}: ${(old.value as Data).route})`,
      },
    ];
  },
  anchors: (args) => [args.fromId as string, args.toId as string],
  reachHops: (args) => Math.min(3, Number(args.maxHops ?? 4) - 1),
};

/** Every question a watch may hold, by name. */
export const WATCH_QUESTIONS: ReadonlyMap<WatchQuestionName, WatchQuestion> = new Map([BACKERS, TWO_SIDED, LOOPS, EXPOSURE, CONNECTION].map((question) => [question.name, question]));

/** What changed between two answers: rows added, removed, or whose value changed, each with its line. */
export function diffAnswers(before: readonly StoredRow[], after: readonly WatchRow[]): { added: string[]; removed: string[]; changed: string[]; lines: string[] } {
  const old = new Map(before.map((row) => [row.key, row]));
  const now = new Map(after.map((row) => [row.key, row]));
  const added = after.filter((row) => !old.has(row.key));
  const removed = before.filter((row) => !now.has(row.key));
  const changed = after.filter((row) => old.has(row.key) && JSON.stringify(old.get(row.key)?.value) !== JSON.stringify(row.value));
  return {
    added: added.map((row) => row.key),
    removed: removed.map((row) => row.key),
    changed: changed.map((row) => row.key),
    lines: [...added.map((row) => row.added), ...removed.map((row) => row.removed), ...changed.map((row) => row.changed(old.get(row.key) as StoredRow))],
  };
}
