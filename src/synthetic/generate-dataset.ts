import { FACTS, type FactSection } from '../facts/registry';
import type { Dataset, FactRecords } from '../seed/dataset';
import { generateAcquisitions } from './acquisitions';
import { LAST_DATE } from './calendar';
import { buildWorld, companyRecords } from './companies';
import { generateComputeDeals } from './compute-deals';
import { generateInvestments } from './investments';
import { addLifecycles } from './lifecycles';
import { Random } from './random';
import { generateRivalries } from './rivalries';
import { generateSubsidiaries } from './subsidiaries';

/** What to generate: how many companies, and the seed that makes the output reproducible. */
export interface GenerateOptions {
  companies: number;
  seed: number;
}

/** Smallest and largest company counts: the anchor kit needs 10 companies; ids have six digits. */
export const MIN_COMPANIES = 10;
export const MAX_COMPANIES = 1_000_000;
/** Seeds are 32-bit: the generator's state is seeded from one unsigned 32-bit integer. */
export const MAX_SEED = 0xffffffff;

/**
 * Changes whenever the same options would give a different dataset: it names generated files, so a cached file from
 * an older generator is never imported as if it were current.
 */
export const GENERATOR_VERSION = '2026.12.1';

/** Throws unless `companies` is an integer in [MIN_COMPANIES, MAX_COMPANIES] and `seed` an integer in [0, 2^32). */
function checkGenerateOptions({ companies, seed }: GenerateOptions): void {
  if (!Number.isInteger(companies) || companies < MIN_COMPANIES || companies > MAX_COMPANIES) {
    throw new RangeError(`companies must be an integer from ${MIN_COMPANIES} to ${MAX_COMPANIES} (got ${companies})`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED} (got ${seed})`);
}

/**
 * A synthetic AI-industry graph in the dataset format: about 10 records per company (6 investments, 1 compute deal,
 * 1 rivalry, 1.6 sources, a few subsidiary links and acquisitions). Deterministic: the same options give the same
 * dataset. Company i has the same id, kind, name, country and founding year at every N, and the anchor kit
 * (ANCHOR) is present at every N; the other relations are drawn so that a company's neighbourhood has the same
 * statistics at every N (markets of 40-60 labs, investor activity capped).
 */
export function generateDataset(options: GenerateOptions): Dataset {
  checkGenerateOptions(options);
  const master = Random.seeded(options.seed);
  const world = buildWorld(options.companies, options.seed, master);
  const investments = generateInvestments(world, master.fork());
  const computeDeals = generateComputeDeals(world, investments, master.fork());
  const rivalries = generateRivalries(world);
  const subsidiaries = generateSubsidiaries(world, master.fork());
  const acquisitions = generateAcquisitions(world, master.fork());
  // Every fact type's section, empty for a type the generator does not make (partnerships): a type added to the
  // registry needs no change here unless the benchmark should have it.
  const sections = Object.fromEntries(FACTS.map((definition) => [definition.section, []])) as unknown as Record<FactSection, FactRecords>;
  const dataset: Dataset = {
    version: GENERATOR_VERSION,
    description: `Synthetic AI-industry graph (not real data): ${options.companies} companies, seed ${options.seed}. Made by npm run generate.`,
    sources: world.sources.records,
    companies: companyRecords(world),
    ...sections,
    fundingRounds: investments.rounds,
    investments: investments.records,
    computeDeals,
    rivalries,
    subsidiaries,
    acquisitions,
  };
  addLifecycles(dataset, options.seed, LAST_DATE);
  return dataset;
}
