import crypto from 'node:crypto';
import fs from 'node:fs';
import type { SectionName } from '../seed/dataset';

/** What an interrupted import had committed: whole batches per section, for one file, batch size and database. */
export interface CheckpointState {
  readonly fileSha256: string;
  readonly batchSize: number;
  readonly databaseId: string;
  readonly committed: Partial<Record<SectionName, number>>;
}

/** SHA-256 of a dataset file's bytes: a checkpoint only applies to the very file it was made for. */
export function fileSha256(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * A checkpoint file beside the dataset (`<file>.import-state.json`), rewritten after every committed batch. It only
 * saves time: every write is a MERGE by id, so re-running from the start is also safe.
 */
export class ImportCheckpoint {
  readonly path: string;
  private state: CheckpointState;

  private constructor(file: string, state: CheckpointState) {
    this.path = `${file}.import-state.json`;
    this.state = state;
  }

  /** Resumes the saved state when it is for the same file contents, batch size and database; else starts afresh. */
  static open(file: string, fresh: Omit<CheckpointState, 'committed'>, resume: boolean): { checkpoint: ImportCheckpoint; resumed: boolean } {
    const checkpoint = new ImportCheckpoint(file, { ...fresh, committed: {} });
    if (!resume || !fs.existsSync(checkpoint.path)) return { checkpoint, resumed: false };
    try {
      const saved = JSON.parse(fs.readFileSync(checkpoint.path, 'utf8')) as CheckpointState;
      if (saved.fileSha256 === fresh.fileSha256 && saved.batchSize === fresh.batchSize && saved.databaseId === fresh.databaseId) {
        checkpoint.state = saved;
        return { checkpoint, resumed: true };
      }
    } catch {
      // An unreadable checkpoint (say, cut off by a crash mid-write) only costs a re-run from the start.
    }
    return { checkpoint, resumed: false };
  }

  committedBatches(section: SectionName): number {
    return this.state.committed[section] ?? 0;
  }

  /** Records a committed batch; written to a temporary file and renamed so a crash never leaves half a checkpoint. */
  commit(section: SectionName, batches: number): void {
    this.state = { ...this.state, committed: { ...this.state.committed, [section]: batches } };
    fs.writeFileSync(`${this.path}.tmp`, JSON.stringify(this.state));
    fs.renameSync(`${this.path}.tmp`, this.path);
  }

  /** The import finished: nothing left to resume. */
  remove(): void {
    fs.rmSync(this.path, { force: true });
  }
}
