import type { CompetitorBacking, GraphPath, MoneyLoop, TwoSidedBacker } from '../src/api/types';
import { backingHighlight, changeHighlight, loopHighlight, pathHighlight, resolveHighlight, twoSidedHighlight } from '../src/graph/highlight';
import { emptyPicture, mergeSubgraph } from '../src/graph/picture';
import { change, company, edge, KINDS, ref, subgraph } from './support/fixtures';

// Anthropic's neighbourhood as the API draws it, in small: Amazon invests, AWS (Amazon's) supplies compute.
const around = mergeSubgraph(
  emptyPicture('anthropic'),
  subgraph(
    'anthropic',
    [company('anthropic'), company('amazon', 'BIG_TECH'), company('aws', 'CLOUD'), company('openai'), company('google', 'BIG_TECH'), company('alphabet', 'BIG_TECH')],
    [
      edge('INVESTED_IN', 'amazon', 'anthropic'),
      edge('SUPPLIES_COMPUTE', 'aws', 'anthropic'),
      edge('SUBSIDIARY_OF', 'aws', 'amazon', { id: 'sub-aws-amazon' }),
      edge('COMPETES_WITH', 'openai', 'anthropic', { id: 'rivalry-frontier' }),
      edge('SUBSIDIARY_OF', 'google', 'alphabet', { id: 'sub-google-alphabet' }),
      edge('INVESTED_IN', 'google', 'anthropic'),
    ],
  ),
);

describe('highlight', () => {
  it('follows a money loop along the relations its flows use (compute runs from the provider)', () => {
    const loop: MoneyLoop = {
      length: 3,
      totalUsd: 8e9,
      explanation: 'Anthropic → AWS → Amazon → Anthropic',
      money: { description: '$8B' },
      steps: [
        { kind: 'COMPUTE', from: ref('anthropic'), to: ref('aws', 'CLOUD'), amountUsd: null, description: 'Anthropic buys compute from AWS' },
        { kind: 'OWNERSHIP', from: ref('aws', 'CLOUD'), to: ref('amazon', 'BIG_TECH'), amountUsd: null, description: 'AWS is Amazon’s' },
        { kind: 'INVESTMENT', from: ref('amazon', 'BIG_TECH'), to: ref('anthropic'), amountUsd: 8e9, description: 'Amazon invested $8B' },
      ],
    };
    const resolved = resolveHighlight(around, loopHighlight(loop));
    expect(resolved.edgeIds.sort()).toEqual(['INVESTED_IN:amazon:anthropic', 'SUPPLIES_COMPUTE:aws:anthropic', 'sub-aws-amazon']);
    expect(resolved.nodeIds.sort()).toEqual(['amazon', 'anthropic', 'aws']);
    // Everything was drawn already: nothing is added from the answer.
    expect([...resolved.picture.edges.values()].filter((e) => e.origin === 'analytics')).toEqual([]);
  });

  it('draws a path step the neighbourhood does not reach from the answer, and its far company', () => {
    const path: GraphPath = {
      length: 2,
      ties: 1,
      nodes: [ref('anthropic'), ref('openai'), ref('microsoft', 'BIG_TECH')],
      steps: [
        { kind: 'COMPETES_WITH', forward: false, description: 'OpenAI competes with Anthropic', from: ref('anthropic'), to: ref('openai'), rivalry: { id: 'rivalry-frontier' }, subsidiaryLink: null, acquisition: null },
        { kind: 'INVESTED_IN', forward: false, description: 'Microsoft invested $13.8B in OpenAI', from: ref('openai'), to: ref('microsoft', 'BIG_TECH'), rivalry: null, subsidiaryLink: null, acquisition: null },
      ],
    };
    const resolved = resolveHighlight(around, pathHighlight(path));
    expect(resolved.edgeIds).toEqual(['rivalry-frontier', 'INVESTED_IN:microsoft:openai']);
    const added = resolved.picture.edges.get('INVESTED_IN:microsoft:openai');
    expect(added).toMatchObject({ from: 'microsoft', to: 'openai', origin: 'analytics', label: 'Microsoft invested $13.8B in OpenAI' });
    expect(resolved.picture.nodes.get('microsoft')).toMatchObject({ kind: 'BIG_TECH', origin: 'analytics' });
    // The base picture is untouched: clearing the highlight drops what it brought.
    expect(around.edges.has('INVESTED_IN:microsoft:openai')).toBe(false);
  });

  it('matches a rivalry either way round and a backer named by its parent through the drawn subsidiary', () => {
    const row: TwoSidedBacker = {
      backer: ref('alphabet', 'BIG_TECH'),
      sideA: ref('anthropic'),
      sideB: ref('openai'),
      market: 'frontier-models',
      totalUsdA: 3e9,
      totalUsdB: 0,
      explanation: '',
      rivalry: { id: 'some-other-id' },
    };
    const resolved = resolveHighlight(around, twoSidedHighlight(row));
    // Alphabet's money reaches Anthropic through Google, drawn with the link that makes it Alphabet's.
    expect(resolved.edgeIds).toEqual(expect.arrayContaining(['INVESTED_IN:google:anthropic', 'sub-google-alphabet', 'rivalry-frontier']));
    expect(resolved.nodeIds).toEqual(expect.arrayContaining(['google', 'alphabet', 'anthropic', 'openai']));
    // Nothing drawn goes from Alphabet (or Google) to OpenAI: drawn from the answer.
    expect(resolved.picture.edges.get('INVESTED_IN:alphabet:openai')?.origin).toBe('analytics');
  });

  it('highlights a backer row: its investments and the rivalry that makes the competitor one', () => {
    const row: CompetitorBacking = {
      competitor: ref('openai'),
      backer: ref('microsoft', 'BIG_TECH'),
      totalUsd: 13.8e9,
      money: { description: '$13.8B' },
      alsoBacksTarget: true,
      explanation: 'Microsoft invested $13.8B in OpenAI',
      investments: [
        { investor: { id: 'microsoft' }, investee: { id: 'openai' } },
        { investor: { id: 'microsoft' }, investee: { id: 'openai' } },
      ],
      rivalries: [{ id: 'rivalry-frontier' }],
      throughSubsidiaries: [],
    };
    const highlight = backingHighlight(row, ref('anthropic'));
    expect(highlight.links).toHaveLength(2);
    const resolved = resolveHighlight(around, highlight);
    expect(resolved.edgeIds.sort()).toEqual(['INVESTED_IN:microsoft:openai', 'rivalry-frontier']);
    expect(resolved.nodeIds.sort()).toEqual(['anthropic', 'microsoft', 'openai']);
  });

  describe('of a change', () => {
    it('marks an investment’s companies and the drawn edge between them, whichever way the change lists them', () => {
      const resolved = resolveHighlight(around, changeHighlight(change(7, { companyIds: ['anthropic', 'amazon'] }), KINDS));
      expect(resolved.nodeIds.sort()).toEqual(['amazon', 'anthropic']);
      expect(resolved.edgeIds).toEqual(['INVESTED_IN:amazon:anthropic']);
      expect(resolved.picture).toEqual(around);
    });

    it('marks a per-fact relation by the fact’s own edge only', () => {
      const rivalry = change(8, { entityType: 'Rivalry', entityId: 'rivalry-frontier', companyIds: ['openai', 'anthropic'] });
      expect(resolveHighlight(around, changeHighlight(rivalry, KINDS)).edgeIds).toEqual(['rivalry-frontier']);
      // Another rivalry between the same two, not drawn: its companies, no edge, and none drawn from the change.
      const other = resolveHighlight(around, changeHighlight({ ...rivalry, entityId: 'rivalry-chat' }, KINDS));
      expect(other.edgeIds).toEqual([]);
      expect(other.nodeIds.sort()).toEqual(['anthropic', 'openai']);
      expect(other.picture.edges.size).toBe(around.edges.size);
    });

    it('adds a company that is not drawn (named by its id) but never an edge the picture does not hold', () => {
      const resolved = resolveHighlight(around, changeHighlight(change(9, { companyIds: ['microsoft', 'openai'] }), KINDS));
      expect(resolved.nodeIds.sort()).toEqual(['microsoft', 'openai']);
      expect(resolved.edgeIds).toEqual([]);
      expect(resolved.picture.nodes.get('microsoft')).toMatchObject({ name: 'microsoft', origin: 'analytics' });
      expect([...resolved.picture.edges.values()].filter((e) => e.origin === 'analytics')).toEqual([]);
    });

    it('marks a company change’s company, and nothing for a source', () => {
      const companyChange = change(10, { entityType: 'Company', entityId: 'openai', companyIds: ['openai'], operation: 'updateCompany', kind: 'UPDATED' });
      expect(resolveHighlight(around, changeHighlight(companyChange, KINDS))).toMatchObject({ nodeIds: ['openai'], edgeIds: [] });
      const source = change(11, { entityType: 'Source', entityId: 'src-1', companyIds: [] });
      expect(resolveHighlight(around, changeHighlight(source, KINDS))).toMatchObject({ nodeIds: [], edgeIds: [] });
    });

    it('marks every drawn edge of its kind among the companies when an update moved the fact', () => {
      const moved = change(12, { kind: 'UPDATED', companyIds: ['amazon', 'anthropic', 'google'], before: { investorId: 'amazon' }, after: { investorId: 'google' } });
      expect(resolveHighlight(around, changeHighlight(moved, KINDS)).edgeIds.sort()).toEqual(['INVESTED_IN:amazon:anthropic', 'INVESTED_IN:google:anthropic']);
    });
  });
});
