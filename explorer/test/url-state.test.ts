import { DEFAULT_STATE, formatViewState, parseViewState, type ViewState } from '../src/state/url-state';

describe('url-state', () => {
  const full: ViewState = {
    company: 'anthropic',
    depth: 2,
    asOf: '2023-12-31',
    panel: 'connection',
    to: 'microsoft',
    expand: ['amazon', 'google'],
    selection: { type: 'edge', id: 'INVESTED_IN:amazon:anthropic' },
    row: 3,
    since: '2026-11-01',
    totals: 'Investment.INVESTOR.HEADLINE.10.investeeKinds-AI_LAB.2025-01-01.2025-12-31',
    kinds: ['INVESTED_IN', 'SUPPLIES_COMPUTE'],
    minAmount: 1e9,
    maxNodes: 5000,
  };

  it('writes every part of a view and reads the same view back', () => {
    const search = formatViewState(full);
    expect(search).toBe('?company=anthropic&depth=2&asOf=2023-12-31&panel=connection&to=microsoft&expand=amazon%2Cgoogle&edge=INVESTED_IN%3Aamazon%3Aanthropic&row=3&since=2026-11-01&totals=Investment.INVESTOR.HEADLINE.10.investeeKinds-AI_LAB.2025-01-01.2025-12-31&kinds=INVESTED_IN%2CSUPPLIES_COMPUTE&min=1000000000&max=5000');
    expect(parseViewState(search)).toEqual(full);
  });

  it('leaves defaults out, so the empty view is the bare page', () => {
    expect(formatViewState(DEFAULT_STATE)).toBe('');
    expect(formatViewState({ ...DEFAULT_STATE, company: 'openai' })).toBe('?company=openai');
    expect(parseViewState('')).toEqual(DEFAULT_STATE);
  });

  it('keeps a node selection apart from an edge selection', () => {
    const state = parseViewState('company=anthropic&node=amazon');
    expect(state.selection).toEqual({ type: 'node', id: 'amazon' });
    expect(parseViewState(formatViewState(state)).selection).toEqual({ type: 'node', id: 'amazon' });
  });

  it.each([
    ['depth=7', { depth: 1 }],
    ['depth=abc', { depth: 1 }],
    ['asOf=2023-02-30', { asOf: null }],
    ['asOf=2023-13', { asOf: null }],
    ['asOf=yesterday', { asOf: null }],
    ['panel=nonsense', { panel: null }],
    ['row=-1', { row: null }],
    ['row=1.5', { row: null }],
    ['since=2026-02-30', { since: null }],
    ['since=last-week', { since: null }],
    ['company=%20%20', { company: null }],
    [`company=${'x'.repeat(201)}`, { company: null }],
    ['max=300', { maxNodes: 200 }],
    ['max=99999', { maxNodes: 200 }],
    ['min=5', { minAmount: null }],
    ['min=', { minAmount: null }],
    ['kinds=', { kinds: null }],
    ['kinds=invested_in,%3Cscript%3E', { kinds: null }],
  ])('falls back to the default for a malformed %s', (search, expected) => {
    expect(parseViewState(search)).toMatchObject(expected);
  });

  it('keeps "with money" (0) apart from no minimum, and reads the kinds once each', () => {
    expect(parseViewState('min=0').minAmount).toBe(0);
    expect(formatViewState({ ...DEFAULT_STATE, minAmount: 0 })).toBe('?min=0');
    expect(parseViewState('kinds=COMPETES_WITH,bad,COMPETES_WITH').kinds).toEqual(['COMPETES_WITH']);
  });

  it('reads the expanded companies once each, in order, skipping empty entries', () => {
    expect(parseViewState('expand=amazon,,google,amazon').expand).toEqual(['amazon', 'google']);
  });

  it('accepts every depth and panel it writes', () => {
    for (const depth of [1, 2, 3] as const) expect(parseViewState(formatViewState({ ...DEFAULT_STATE, depth })).depth).toBe(depth);
    for (const panel of ['backers', 'two-sided', 'loops', 'connection', 'exposure', 'changes', 'rankings', 'over-time'] as const) {
      expect(parseViewState(formatViewState({ ...DEFAULT_STATE, panel })).panel).toBe(panel);
    }
  });
});
