/** Kebab-case slug used for every id: lowercase letters and digits separated by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE = 'must be a lowercase kebab-case slug such as "google-deepmind"';

/** Largest amount accepted, in USD: well above any real deal, low enough to stay an exact double. */
export const MAX_AMOUNT_USD = 1e13;

/** Turns a name into the slug used as its id: "Google DeepMind" -> "google-deepmind". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}
