import crypto from 'node:crypto';
import { storedDate, type PartialDate } from './partial-date';

/** What a source is: the publisher's own reporting, a re-run or copy of another's, a filing, or a party's release. */
export enum SourceKind {
  ORIGINAL = 'ORIGINAL',
  SYNDICATION = 'SYNDICATION',
  COPY = 'COPY',
  FILING = 'FILING',
  COMPANY_RELEASE = 'COMPANY_RELEASE',
}

/** Kinds that repeat another publisher's reporting (they name it as originalPublisher). */
export const SECONDHAND_KINDS: readonly SourceKind[] = [SourceKind.SYNDICATION, SourceKind.COPY];

/** A cited publication. */
export interface SourceRecord {
  readonly id: string;
  readonly url: string;
  readonly publisher: string;
  readonly title: string;
  readonly publishedOn: PartialDate | null;
  readonly kind: SourceKind;
  readonly originalPublisher: string | null;
}

/** A source as a client gives it (recordSource, or inline in a fact). */
export interface SourceFields {
  readonly id?: string | null;
  readonly url: string;
  readonly publisher: string;
  readonly title: string;
  readonly publishedOn?: PartialDate | null;
  readonly kind?: SourceKind | null;
  readonly originalPublisher?: string | null;
}

/** The properties a source is read with. */
export const SOURCE_PROPERTIES = ['id', 'url', 'publisher', 'title', 'publishedOn', 'publishedPrecision', 'kind', 'originalPublisher'] as const;

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
    kind: input.kind ?? SourceKind.ORIGINAL,
    originalPublisher: input.originalPublisher?.trim() || null,
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
    kind: (s.kind as SourceKind | null) ?? SourceKind.ORIGINAL,
    originalPublisher: (s.originalPublisher as string | null) ?? null,
  };
}
