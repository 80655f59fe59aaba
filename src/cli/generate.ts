import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATASET_SECTIONS } from '../seed/dataset';
import { generateDataset, MAX_COMPANIES, MAX_SEED, MIN_COMPANIES } from '../synthetic/generate-dataset';
import { generatedDatasetFile, writeDataset } from '../synthetic/write-dataset';

const USAGE = 'usage: npm run generate -- --companies N [--seed S] [--out FILE]';

/** Bad command-line input: reported with the usage line and exit code 2. */
class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface Options {
  companies: number;
  seed: number;
  out: string;
}

function integer(name: string, text: string | undefined, min: number, max: number): number {
  const value = text !== undefined && /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be an integer from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} (got ${JSON.stringify(text ?? '')})`);
  }
  return value;
}

function parseOptions(argv: string[]): Options {
  let values: { companies?: string; seed?: string; out?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { companies: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.companies === undefined) throw new UsageError('--companies is required');
  const companies = integer('companies', values.companies, MIN_COMPANIES, MAX_COMPANIES);
  const seed = values.seed === undefined ? 1 : integer('seed', values.seed, 0, MAX_SEED);
  // The default lands in the project's git-ignored data/generated/; an explicit --out is relative to where you are.
  const out = values.out ? path.resolve(values.out) : generatedDatasetFile(companies, seed);
  return { companies, seed, out };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `npm run generate -- --companies N [--seed S] [--out FILE]`: writes a synthetic dataset file for import and benchmarks. */
async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`generate: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  const dataset = generateDataset(options);
  const generated = performance.now();
  const bytes = await writeDataset(dataset, options.out);
  const written = performance.now();

  const count = (n: number) => n.toLocaleString('en-US').padStart(11);
  let total = 0;
  for (const section of DATASET_SECTIONS) {
    total += dataset[section].length;
    process.stdout.write(`  ${section.padEnd(13)}${count(dataset[section].length)}\n`);
  }
  process.stdout.write(`  ${'total'.padEnd(13)}${count(total)}\n`);
  const shown = path.relative(process.cwd(), options.out);
  process.stdout.write(`wrote ${shown.startsWith('..') ? options.out : shown} (${(bytes / 1e6).toFixed(1)} MB)\n`);
  process.stdout.write(`done in ${seconds(written - started)} (generate ${seconds(generated - started)}, write ${seconds(written - generated)})\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`generate: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
