import crypto from 'node:crypto';
import { storedDate, type PartialDate } from './partial-date';

/** A cited publication. */
export interface SourceRecord {
  readonly id: string;
  readonly url: string;
  readonly publisher: string;
  readonly title: string;
  readonly publishedOn: PartialDate | null;
}

/** A source as a client gives it (recordSource, or inline in a fact). */
export interface SourceFields {
  readonly id?: string | null;
  readonly url: string;
  readonly publisher: string;
  readonly title: string;
  readonly publishedOn?: PartialDate | null;
}

/** The properties a source is read with. */
export const SOURCE_PROPERTIES = ['id', 'url', 'publisher', 'title', 'publishedOn', 'publishedPrecision'] as const;

/** Id for a source given without one: stable per URL, so the same article is one source however often it is cited. */
export function sourceIdFor(url: string): string {
  return `src-${crypto.createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
}

/** The stored properties of a source (publishedOn as an ISO day, turned into a DATE by the statement). */
export function sourceRow(input: SourceFields, id: string): Record<string, unknown> {
  return {
    id,
    url: input.url,
    publisher: input.publisher.trim(),
    title: input.title.trim(),
    publishedOn: input.publishedOn?.start ?? null,
    publishedPrecision: input.publishedOn?.precision ?? null,
  };
}

export function toSourceRecord(row: unknown): SourceRecord {
  const s = row as Record<string, unknown>;
  return {
    id: s.id as string,
    url: s.url as string,
    publisher: s.publisher as string,
    title: s.title as string,
    publishedOn: storedDate(s.publishedOn, s.publishedPrecision),
  };
}
