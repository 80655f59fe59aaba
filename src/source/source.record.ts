import { storedDate, type PartialDate } from '../common/date-scalar';

/** A cited publication. */
export interface SourceRecord {
  readonly id: string;
  readonly url: string;
  readonly publisher: string;
  readonly title: string;
  readonly publishedOn: PartialDate | null;
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
