import { datasetStats } from '../../../scripts/dataset-stats';
import { DATASET_SECTIONS, type Dataset } from '../../../src/seed/dataset';

const source = (id: string, kind: string) => ({ id, url: `https://example.com/${id}`, publisher: id, title: id, kind, originalPublisher: kind === 'COPY' || kind === 'SYNDICATION' ? 'Elsewhere' : null });

function dataset(): Dataset {
  const empty = Object.fromEntries(DATASET_SECTIONS.map((section) => [section, []])) as unknown as Dataset;
  return {
    ...empty,
    version: 't',
    sources: [source('own', 'ORIGINAL'), source('copy', 'COPY'), source('wire', 'SYNDICATION'), source('filing', 'FILING')],
    companies: [{ id: 'a', name: 'A', kind: 'AI_LAB' }, { id: 'b', name: 'B', kind: 'INVESTOR' }],
    investments: [
      { id: 'inv-copies', investorId: 'b', investeeId: 'a', announcedOn: '2024-05', sourceIds: ['copy', 'wire'] },
      { id: 'inv-mixed', investorId: 'b', investeeId: 'a', announcedOn: '2024-12-23', sourceIds: ['copy', 'own'] },
      { id: 'inv-filed', investorId: 'b', investeeId: 'a', announcedOn: '2023', sourceIds: ['filing'] },
    ],
    rivalries: [{ id: 'riv-undated', companyIds: ['a', 'b'], market: 'm', since: null, sourceIds: ['wire'] }],
  };
}

describe('dataset stats (npm run dataset:stats)', () => {
  it('counts sources by kind, facts by type and by the year of their own main date (a rivalry by since)', () => {
    const stats = datasetStats(dataset());
    expect(stats).toMatchObject({ companies: 2, sources: 4, facts: 4, sourcesByKind: { ORIGINAL: 1, COPY: 1, SYNDICATION: 1, FILING: 1 } });
    expect(stats.factsByType).toMatchObject({ Investment: 3, Rivalry: 1, FundingRound: 0 });
    expect(stats.factsByTypeAndYear.Investment).toEqual({ 2023: 1, 2024: 2 });
    expect(stats.factsByTypeAndYear.Rivalry).toEqual({ undated: 1 });
  });

  it('counts a fact as resting on copies only when every source it cites is a syndication or a copy', () => {
    const stats = datasetStats(dataset());
    expect(stats.factsOnlyOnSecondhandIds).toEqual(['inv-copies', 'riv-undated']);
    expect(stats.factsOnlyOnSecondhand).toBe(2);
  });
});
