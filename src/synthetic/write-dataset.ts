import { GENERATOR_VERSION } from './generate-dataset';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { projectRoot } from '../platform/project-root';
import { DATASET_SECTIONS, type Dataset } from '../seed/dataset';

/** Where `npm run generate` writes a graph of `companies` companies from `seed` unless told otherwise (git-ignored). */
export function generatedDatasetFile(companies: number, seed: number): string {
  return path.join(projectRoot(), 'data', 'generated', `companies-${companies}-seed-${seed}-v${GENERATOR_VERSION}.json`);
}

/** Text is handed to the stream in chunks of about this many characters: one write per record would be slow. */
const CHUNK = 1 << 16;

/**
 * Writes a dataset as JSON, one record per line, through a write stream that is paused whenever the disk falls
 * behind, so a million records never become one string in memory. The file appears only when complete (it is
 * written under a temporary name first). Creates the folder. Returns the number of bytes written.
 */
export async function writeDataset(dataset: Dataset, file: string): Promise<number> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const stream = fs.createWriteStream(partial, { encoding: 'utf8' });
  // Kept until the next flush: an error between writes must fail the write, not crash the process unhandled.
  let failure: Error | undefined;
  stream.on('error', (error) => (failure ??= error));
  let buffer = '';
  const flush = async () => {
    if (failure) throw failure;
    // `once` rejects if the stream fails while we wait, so a full disk ends the write instead of hanging it.
    if (!stream.write(buffer)) await once(stream, 'drain');
    buffer = '';
  };
  try {
    buffer += `{\n  "version": ${JSON.stringify(dataset.version)},\n`;
    if (dataset.description !== undefined) buffer += `  "description": ${JSON.stringify(dataset.description)},\n`;
    for (const [s, section] of DATASET_SECTIONS.entries()) {
      const records: readonly unknown[] = dataset[section];
      buffer += `  ${JSON.stringify(section)}: [`;
      for (let i = 0; i < records.length; i++) {
        buffer += `${i === 0 ? '\n' : ',\n'}    ${JSON.stringify(records[i])}`;
        if (buffer.length >= CHUNK) await flush();
      }
      buffer += `${records.length > 0 ? '\n  ' : ''}]${s < DATASET_SECTIONS.length - 1 ? ',' : ''}\n`;
    }
    buffer += '}\n';
    await flush();
    stream.end();
    await finished(stream);
    fs.renameSync(partial, file);
    return fs.statSync(file).size;
  } catch (error) {
    stream.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
