/**
 * Legal forms and corporate words that say nothing about which company is meant ("OpenAI Global LLC" is OpenAI's),
 * dropped as whole words at the end of a name. "AI", "Labs" or "Group" are kept: they tell companies apart ("X" and
 * "X.AI", "Nebius" and "Nebius Group" are then told apart by the score, not thrown together).
 */
const LEGAL_FORMS = new Set(['inc', 'incorporated', 'llc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'plc', 'pbc', 'gmbh', 'ag', 'sa', 'sas', 'nv', 'bv', 'lp', 'llp', 'the']);

/** The words of a name: accents dropped, lower case, "&" read as "and", any other punctuation a word break except inside "x.ai". */
export function nameWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/(\p{L})[.'’](?=\p{L})/gu, '$1')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * The key two names are compared by: their words without trailing legal forms, run together, so "Open AI", "OpenAI"
 * and "OpenAI, Inc." share "openai" and "X.AI Corp." is "xai". A name of legal forms only keeps them.
 */
export function nameKey(text: string): string {
  const words = nameWords(text);
  let end = words.length;
  while (end > 1 && LEGAL_FORMS.has(words[end - 1] as string)) end -= 1;
  let start = 0;
  while (start < end - 1 && words[start] === 'the') start += 1;
  return words.slice(start, end).join('');
}

/** Levenshtein distance, two rows (names are short). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** How alike two keys are, 0 to 1: one minus the edit distance over the longer length. */
export function keySimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  return 1 - editDistance(a, b) / Math.max(a.length, b.length);
}
