import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';

/** Text is handed to the stream in chunks of about this many characters: one write per record would be slow. */
const CHUNK = 1 << 16;

/**
 * Text written to a file (or stdout) in chunks, waiting whenever the stream's buffer is full, so an export of any
 * size holds about one chunk in memory. A file is written under `<file>.partial` and renamed when complete: a failed
 * or interrupted export never leaves a file that looks whole.
 */
export class TextSink {
  private buffer = '';
  private failure: Error | undefined;
  private written = 0;

  private constructor(
    private readonly stream: Writable,
    private readonly file: string | null,
  ) {
    // Kept until the next flush: an error between writes must fail the export, not crash the process unhandled.
    stream.on('error', (error: Error) => (this.failure ??= error));
  }

  /** A sink writing `file` (its folder created), or standard output for "-". */
  static open(file: string): TextSink {
    if (file === '-') return new TextSink(process.stdout, null);
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    return new TextSink(fs.createWriteStream(`${file}.partial`, { encoding: 'utf8' }), file);
  }

  /** Characters handed to the stream so far. */
  get characters(): number {
    return this.written + this.buffer.length;
  }

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunk = this.buffer;
    this.buffer = '';
    this.written += chunk.length;
    // `once` rejects if the stream fails while we wait, so a full disk ends the export instead of hanging it.
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Writes what is left and closes the file, still under its partial name. */
  async finish(): Promise<void> {
    await this.flush();
    if (this.file === null) return;
    this.stream.end();
    await finished(this.stream);
  }

  /** Gives a finished file its name (several files of one export are named together, once all are complete). */
  commit(): void {
    if (this.file !== null) fs.renameSync(`${this.file}.partial`, this.file);
  }

  async close(): Promise<void> {
    await this.finish();
    this.commit();
  }

  /** Drops a file that will not be completed. */
  abort(): void {
    if (this.file === null) return;
    this.stream.destroy();
    fs.rmSync(`${this.file}.partial`, { force: true });
  }
}
