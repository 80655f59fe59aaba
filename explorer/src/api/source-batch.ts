// Sources are read by id, many in one request: SOURCES_BY_ID asks for SOURCE_BATCH_SIZE of them under aliases
// (s0, s1, ...), the API's alias limit (20 per operation) being the batch size.

/** How many sources one SOURCES_BY_ID request reads. */
export const SOURCE_BATCH_SIZE = 20;

/** The ids in batches of SOURCE_BATCH_SIZE, each once, in order. */
export function sourceBatches(ids: readonly string[]): string[][] {
  const unique = [...new Set(ids)];
  const batches: string[][] = [];
  for (let start = 0; start < unique.length; start += SOURCE_BATCH_SIZE) batches.push(unique.slice(start, start + SOURCE_BATCH_SIZE));
  return batches;
}

/** One batch as SOURCES_BY_ID's variables ($s0...): a short batch repeats its last id in the unused slots. */
export function sourceBatchVariables(batch: readonly string[]): Record<string, string> {
  if (batch.length === 0 || batch.length > SOURCE_BATCH_SIZE) throw new Error(`a source batch holds 1 to ${SOURCE_BATCH_SIZE} ids, not ${batch.length}`);
  return Object.fromEntries(Array.from({ length: SOURCE_BATCH_SIZE }, (_, i) => [`s${i}`, batch[Math.min(i, batch.length - 1)]!]));
}
