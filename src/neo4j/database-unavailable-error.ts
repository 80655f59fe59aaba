/** The database could not be reached at start-up; the message names the URI and is meant to be shown as-is. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}
