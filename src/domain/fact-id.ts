import crypto from 'node:crypto';
import { formatPartialDate, type PartialDate } from './partial-date';

/**
 * Id for a fact recorded without one: readable (prefix, parties, date) plus a short hash of what distinguishes two
 * facts between the same parties on the same date, so retrying the same record is idempotent while two tranches
 * announced the same day stay two facts.
 */
export function factId(prefix: string, parties: string[], on: PartialDate | null | undefined, distinguishing: unknown[]): string {
  const hash = crypto.createHash('sha256').update(JSON.stringify(distinguishing)).digest('hex').slice(0, 8);
  const when = on ? formatPartialDate(on) : 'undated';
  return [prefix, ...parties, when, hash].join('-').slice(0, 120);
}
