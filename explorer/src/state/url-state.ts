// The view as a URL query string, so a view can be shared and reloaded: /explorer?company=anthropic&depth=2&...

import { isIsoDay } from '../format/dates';

export const PANELS = ['backers', 'two-sided', 'loops', 'connection', 'exposure', 'changes', 'rankings', 'over-time'] as const;
export type PanelId = (typeof PANELS)[number];

export const DEPTHS = [1, 2, 3] as const;
export type Depth = (typeof DEPTHS)[number];

/** How many companies the picture may hold (the API's maxNodes: 200 by default, at most 5,000). */
export const MAX_NODES = [200, 500, 1000, 2000, 5000] as const;
export type MaxNodes = (typeof MAX_NODES)[number];

/** The smallest headline money (USD) a drawn relation carries; 0: any relation with headline money. */
export const MIN_AMOUNTS = [0, 1e8, 1e9, 1e10] as const;
export type MinAmount = (typeof MIN_AMOUNTS)[number];

/** A relation kind's name as the API spells it (the URL keeps any such name; the API refuses an unknown one). */
const KIND_NAME = /^[A-Z][A-Z_]{0,59}$/;

export interface Selection {
  type: 'node' | 'edge';
  id: string;
}

export interface ViewState {
  /** The company at the centre; null before one is chosen. */
  company: string | null;
  depth: Depth;
  /** The date the picture is drawn as of; null: today. */
  asOf: string | null;
  /** The open panel (an analytics query's, or the changes). */
  panel: PanelId | null;
  /** The connection panel's other end. */
  to: string | null;
  /** Companies whose neighbourhood was merged into the picture, in the order they were expanded. */
  expand: string[];
  /** What the side panel shows. */
  selection: Selection | null;
  /** The open panel's highlighted row (a loop, a backer...; in the changes panel, the change's seq). */
  row: number | null;
  /** The day the changes panel lists changes since; null: the last week. */
  since: string | null;
  /** The open rankings or over-time panel's choices, in its own words ("Investment.INVESTOR.HEADLINE.10...."). */
  totals: string | null;
  /** The relation kinds drawn (and walked); null: every kind. */
  kinds: string[] | null;
  /** Only relations with at least this headline money; null: any relation, with money or not. */
  minAmount: MinAmount | null;
  maxNodes: MaxNodes;
}

export const DEFAULT_STATE: ViewState = Object.freeze({
  company: null,
  depth: 1,
  asOf: null,
  panel: null,
  to: null,
  expand: [],
  selection: null,
  row: null,
  since: null,
  totals: null,
  kinds: null,
  minAmount: null,
  maxNodes: 200,
}) as ViewState;

const MAX_ID_LENGTH = 200;

function id(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed.length > 0 && trimmed.length <= MAX_ID_LENGTH ? trimmed : null;
}

function oneOf<T extends string | number>(allowed: readonly T[], value: unknown): T | null {
  return allowed.find((candidate) => String(candidate) === value) ?? null;
}

/** Reads a query string (with or without "?"); anything malformed falls back to the default, never throws. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const asOf = params.get('asOf');
  const since = params.get('since');
  const node = id(params.get('node'));
  const edge = id(params.get('edge'));
  const row = Number(params.get('row'));
  const expand = (params.get('expand') ?? '').split(',').map((part) => id(part)).filter((part): part is string => part !== null);
  return {
    company: id(params.get('company')),
    depth: oneOf(DEPTHS, params.get('depth')) ?? DEFAULT_STATE.depth,
    asOf: asOf !== null && isIsoDay(asOf) ? asOf : null,
    panel: oneOf(PANELS, params.get('panel')),
    to: id(params.get('to')),
    expand: [...new Set(expand)],
    selection: node ? { type: 'node', id: node } : edge ? { type: 'edge', id: edge } : null,
    row: params.has('row') && Number.isInteger(row) && row >= 0 ? row : null,
    since: since !== null && isIsoDay(since) ? since : null,
    totals: id(params.get('totals')),
    kinds: kindList(params.get('kinds')),
    minAmount: params.has('min') ? oneOf(MIN_AMOUNTS, params.get('min')) : null,
    maxNodes: oneOf(MAX_NODES, params.get('max')) ?? DEFAULT_STATE.maxNodes,
  };
}

/** "INVESTED_IN,COMPETES_WITH" as a list, or null (every kind) when absent or holding no well-formed name. */
function kindList(value: string | null): string[] | null {
  const kinds = [...new Set((value ?? '').split(',').filter((kind) => KIND_NAME.test(kind)))];
  return kinds.length > 0 ? kinds : null;
}

/** The query string for a state ("" for the default view), defaults left out, in a stable order. */
export function formatViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.company) params.set('company', state.company);
  if (state.depth !== DEFAULT_STATE.depth) params.set('depth', String(state.depth));
  if (state.asOf) params.set('asOf', state.asOf);
  if (state.panel) params.set('panel', state.panel);
  if (state.to) params.set('to', state.to);
  if (state.expand.length > 0) params.set('expand', state.expand.join(','));
  if (state.selection) params.set(state.selection.type, state.selection.id);
  if (state.row !== null) params.set('row', String(state.row));
  if (state.since) params.set('since', state.since);
  if (state.totals) params.set('totals', state.totals);
  if (state.kinds) params.set('kinds', state.kinds.join(','));
  if (state.minAmount !== null) params.set('min', String(state.minAmount));
  if (state.maxNodes !== DEFAULT_STATE.maxNodes) params.set('max', String(state.maxNodes));
  const text = params.toString();
  return text ? `?${text}` : '';
}
