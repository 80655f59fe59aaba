import type { ChangeAuthor } from '../domain/change';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database } from '../neo4j/database';
import { changeParam } from '../neo4j/changes/change-param';
import { int } from '../neo4j/params';
import type { StoredRow, WatchQuestionName } from './watch-questions';

/** A watch as stored: its question and arguments, its last answer, and which companies' changes can touch it. */
export interface WatchRecord {
  readonly id: string;
  readonly name: string;
  readonly owner: string | null;
  readonly question: WatchQuestionName;
  readonly args: Readonly<Record<string, unknown>>;
  readonly answer: readonly StoredRow[];
  /** Null: any change can touch it (its reach was too large to list). */
  readonly reach: readonly string[] | null;
  readonly anchors: readonly string[];
  readonly answeredSeq: number;
  readonly answeredAt: string;
  readonly version: number;
}

/** Largest reach kept as a list; beyond it a watch is re-answered after any change (coalesced). */
export const REACH_CAP = 5000;

function toWatch(row: Record<string, unknown>): WatchRecord {
  return {
    id: row.id as string,
    name: row.name as string,
    owner: (row.owner as string | null) ?? null,
    question: row.question as WatchQuestionName,
    args: JSON.parse(row.args as string) as Record<string, unknown>,
    answer: JSON.parse(row.answer as string) as StoredRow[],
    reach: (row.reach as string[] | null) ?? null,
    anchors: (row.anchors as string[] | null) ?? [],
    answeredSeq: row.answeredSeq as number,
    answeredAt: row.answeredAt as string,
    version: row.version as number,
  };
}

/** Watches in Neo4j (Meta nodes: not facts, not logged) and the alerts they append to the change log. */
export class WatchRepository {
  constructor(
    private readonly db: Database,
    private readonly catalog: CypherCatalog,
  ) {}

  async create(watch: Omit<WatchRecord, 'version' | 'answeredAt'>, limit: number): Promise<{ created: boolean; held: number }> {
    const [row] = await this.db.writeRows(this.catalog.get('watches/create-watch'), {
      id: watch.id,
      name: watch.name,
      owner: watch.owner,
      question: watch.question,
      args: JSON.stringify(watch.args),
      answer: JSON.stringify(watch.answer),
      reach: watch.reach,
      anchors: [...watch.anchors],
      seq: int(watch.answeredSeq),
      limit: int(limit),
    });
    return { created: row?.created === true, held: (row?.held as number) ?? 0 };
  }

  async list(owner: string | null = null): Promise<WatchRecord[]> {
    return (await this.db.readRows(this.catalog.get('watches/list-watches'), { owner })).map((row) => toWatch(row.watch as Record<string, unknown>));
  }

  async remove(id: string): Promise<boolean> {
    return (await this.db.writeRows(this.catalog.get('watches/remove-watch'), { id })).length > 0;
  }

  /** The companies within `hops` of the anchors; null when more than REACH_CAP. */
  async reach(anchors: readonly string[], hops: number): Promise<string[] | null> {
    const rows = await this.db.readRows(this.catalog.render('watches/reach', { hops: Math.max(0, Math.min(3, hops)) }), { anchors: [...anchors], cap: int(REACH_CAP + 1) });
    return rows.length > REACH_CAP ? null : rows.map((row) => row.id as string);
  }

  /**
   * Stores a new answer (and its alert, logged as a WatchAlert change) unless another process answered the watch
   * since `version`; false then, and nothing is written.
   */
  async commitAnswer(watch: WatchRecord, answer: readonly StoredRow[], reach: readonly string[] | null, seq: number, alert: Record<string, unknown> | null, author: ChangeAuthor): Promise<boolean> {
    const rows = await this.db.writeRows(this.catalog.get('watches/commit-answer'), {
      id: watch.id,
      version: int(watch.version),
      answer: JSON.stringify(answer),
      reach: reach === null ? null : [...reach],
      seq: int(seq),
      alert,
      anchors: [...watch.anchors],
      ...changeParam(author),
    });
    return rows.length > 0;
  }

  async claimSweep(day: string, by: string): Promise<boolean> {
    const [row] = await this.db.writeRows(this.catalog.get('watches/claim-sweep'), { day, by });
    return row?.claimed === true;
  }
}
