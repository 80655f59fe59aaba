// The change log, live: the `changes` subscription over this server's WebSocket (graphql-ws on /graphql), resumed
// after the last seq received whenever the socket drops, so no change is missed and none arrives twice.

import { createClient, type Client } from 'graphql-ws';
import { GRAPHQL_ENDPOINT } from './client';
import { CHANGE_FEED } from './documents';
import type { Change } from './types';

/** How often the page pings the server, and how long it waits for the answer before it calls the socket dead. */
const KEEP_ALIVE_MS = 15_000;
const PONG_TIMEOUT_MS = 5_000;
/** WebSocket close code the page uses for a server that stopped answering pings. */
const PONG_TIMEOUT_CLOSE = 4408;

/** What following the log needs of a graphql-ws client (a fake one in unit tests). */
export type ChangeSocket = Pick<Client, 'subscribe' | 'on'>;

/**
 * connecting: opening the socket; live: subscribed; reconnecting: the socket dropped, a new one opens after a pause
 * and resumes after the last seq; failed: the API refused the subscription (not retried); stopped: by the page.
 */
export type FeedState = 'connecting' | 'live' | 'reconnecting' | 'failed' | 'stopped';

export interface FollowOptions {
  /** The last seq already shown: the feed replays every change after it, then goes live. */
  after: number;
  onChange(change: Change): void;
  onState(state: FeedState, detail?: string): void;
  /** The pause before reconnection attempt n (1, 2, ...). */
  retryDelayMs?(attempt: number): number;
}

export interface Following {
  stop(): void;
  /** The last seq received (or `after` while none arrived): where a reconnection resumes. */
  lastSeq(): number;
}

/** 0.5 s, 1 s, 2 s... up to 15 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(15_000, 500 * 2 ** Math.max(0, attempt - 1));
}

/** The WebSocket URL of a page's own server: ws(s)://host/graphql. */
export function socketUrl(page: { protocol: string; host: string }): string {
  return `${page.protocol === 'https:' ? 'wss' : 'ws'}://${page.host}${GRAPHQL_ENDPOINT}`;
}

/**
 * A graphql-ws client of this page's server. It never reconnects by itself (graphql-ws would resubscribe with the
 * first `after`, replaying what was already shown): `followChanges` does, after the last seq it received. It pings
 * the server and closes a socket whose pong does not come, so a silently dead connection is noticed too.
 */
export function pageSocket(): ChangeSocket {
  let socket: WebSocket | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  return createClient({
    url: socketUrl(location),
    lazy: true,
    retryAttempts: 0,
    keepAlive: KEEP_ALIVE_MS,
    on: {
      connected: (connected) => {
        socket = connected as WebSocket;
      },
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => {
          if (socket?.readyState === WebSocket.OPEN) socket.close(PONG_TIMEOUT_CLOSE, 'No pong');
        }, PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
      closed: () => {
        clearTimeout(pongTimer);
        socket = null;
      },
    },
  });
}

function describe(problem: unknown): string {
  if (Array.isArray(problem)) return problem.map(describe).join('; ');
  if (problem && typeof problem === 'object') {
    const { message, code, reason } = problem as { message?: unknown; code?: unknown; reason?: unknown };
    if (typeof message === 'string') return message;
    if (typeof code === 'number') return `socket closed (${code}${typeof reason === 'string' && reason ? ` ${reason}` : ''})`;
  }
  return String(problem);
}

/**
 * Follows the log from `after`: each change once, in seq order. When the socket drops (or the server ends the
 * feed), it subscribes again after a pause with `after` = the last seq received, so the changes committed meanwhile
 * are replayed and none is missed; one at or below that seq is never passed on. GraphQL errors (the API refused
 * the subscription, or the log no longer holds that seq) stop it.
 */
export function followChanges(socket: ChangeSocket, options: FollowOptions): Following {
  const delay = options.retryDelayMs ?? reconnectDelayMs;
  let last = options.after;
  let attempt = 0;
  let stopped = false;
  let unsubscribe: () => void = () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const offConnected = socket.on('connected', () => {
    if (stopped) return;
    attempt = 0;
    options.onState('live');
  });

  const stop = (state: FeedState, detail?: string) => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    offConnected();
    unsubscribe();
    options.onState(state, detail);
  };

  const retry = (problem: unknown) => {
    if (stopped) return;
    unsubscribe();
    attempt += 1;
    const wait = delay(attempt);
    options.onState('reconnecting', `${describe(problem)}; resuming after change ${last} in ${Math.round(wait / 100) / 10} s`);
    clearTimeout(timer);
    timer = setTimeout(subscribe, wait);
  };

  const subscribe = () => {
    if (stopped) return;
    if (attempt === 0) options.onState('connecting');
    let ended = false;
    const end = (then: () => void) => {
      if (ended) return;
      ended = true;
      then();
    };
    unsubscribe = socket.subscribe<{ changes: Change }>(
      { query: CHANGE_FEED, variables: { after: String(last) } },
      {
        next: (result) => {
          if (ended || stopped) return;
          if (result.errors?.length) {
            end(() => stop('failed', describe(result.errors)));
            return;
          }
          const change = result.data?.changes;
          if (!change || change.seq <= last) return;
          last = change.seq;
          options.onChange(change);
        },
        // graphql-ws hands GraphQL errors (the subscription refused) as an array, a dropped socket as its close event.
        error: (problem) => end(() => (Array.isArray(problem) ? stop('failed', describe(problem)) : retry(problem))),
        complete: () => end(() => retry('the server ended the feed')),
      },
    );
  };

  subscribe();
  return { stop: () => stop('stopped'), lastSeq: () => last };
}
