import { followChanges, reconnectDelayMs, socketUrl, type ChangeSocket, type FeedState } from '../src/api/change-feed';
import type { Change } from '../src/api/types';
import { change } from './support/fixtures';

interface Sink {
  next(value: { data?: { changes: Change } | null; errors?: { message: string }[] }): void;
  error(problem: unknown): void;
  complete(): void;
}

/** A graphql-ws client stand-in: records each subscription and lets the test drive its sink and events. */
class FakeSocket {
  readonly subscriptions: { after: string; sink: Sink; disposed: boolean }[] = [];
  private readonly listeners = new Map<string, Set<() => void>>();

  subscribe(payload: { variables?: Record<string, unknown> | null }, sink: Sink): () => void {
    const subscription = { after: String(payload.variables?.after), sink, disposed: false };
    this.subscriptions.push(subscription);
    return () => {
      subscription.disposed = true;
    };
  }

  on(event: string, listener: () => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  emit(event: string): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }

  get last(): { after: string; sink: Sink; disposed: boolean } {
    return this.subscriptions[this.subscriptions.length - 1]!;
  }
}

function follow(after: number) {
  const socket = new FakeSocket();
  const received: number[] = [];
  const states: [FeedState, string | undefined][] = [];
  const following = followChanges(socket as unknown as ChangeSocket, {
    after,
    onChange: (c) => received.push(c.seq),
    onState: (state, detail) => states.push([state, detail]),
    retryDelayMs: (attempt) => attempt * 1000,
  });
  return { socket, received, states, following };
}

const send = (socket: FakeSocket, seq: number) => socket.last.sink.next({ data: { changes: change(seq) } });

describe('following the change log live', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('resumes after the last seq received when the socket drops, passing on each change once', () => {
    const { socket, received, states, following } = follow(100);
    expect(socket.subscriptions.map((s) => s.after)).toEqual(['100']);
    socket.emit('connected');
    send(socket, 101);
    send(socket, 102);
    // A seq at or below the last one (a replay) is never passed on twice.
    send(socket, 102);
    send(socket, 99);
    expect(received).toEqual([101, 102]);

    socket.last.sink.error({ code: 1006, reason: '' });
    expect(socket.subscriptions[0]!.disposed).toBe(true);
    expect(states.map(([state]) => state)).toEqual(['connecting', 'live', 'reconnecting']);
    expect(states[2]![1]).toContain('resuming after change 102');
    jest.advanceTimersByTime(999);
    expect(socket.subscriptions).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(socket.subscriptions.map((s) => s.after)).toEqual(['100', '102']);

    // The new subscription replays from 102: 103 was committed while the socket was down.
    send(socket, 103);
    send(socket, 104);
    expect(received).toEqual([101, 102, 103, 104]);
    expect(following.lastSeq()).toBe(104);
  });

  it('waits longer after each failed attempt, and starts over once connected', () => {
    const { socket } = follow(5);
    socket.last.sink.error({ code: 1006 });
    jest.advanceTimersByTime(1000);
    socket.last.sink.error(new Error('connection refused'));
    jest.advanceTimersByTime(1999);
    expect(socket.subscriptions).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(socket.subscriptions).toHaveLength(3);
    socket.emit('connected');
    socket.last.sink.complete();
    jest.advanceTimersByTime(1000);
    expect(socket.subscriptions.map((s) => s.after)).toEqual(['5', '5', '5', '5']);
  });

  it('stops on GraphQL errors (the API refused the subscription) instead of retrying', () => {
    const refused = follow(1);
    refused.socket.last.sink.error([{ message: 'Subscriptions need an API key: send Authorization: Bearer <key>' }]);
    expect(refused.states[refused.states.length - 1]).toEqual(['failed', 'Subscriptions need an API key: send Authorization: Bearer <key>']);
    jest.advanceTimersByTime(60_000);
    expect(refused.socket.subscriptions).toHaveLength(1);

    const expired = follow(1);
    expired.socket.last.sink.next({ data: null, errors: [{ message: 'changes up to 50 were removed by retention' }] });
    expect(expired.states[expired.states.length - 1]?.[0]).toBe('failed');
    expect(expired.socket.last.disposed).toBe(true);
  });

  it('stops when told: the subscription is disposed and nothing more is passed on or retried', () => {
    const { socket, received, states, following } = follow(10);
    send(socket, 11);
    following.stop();
    expect(socket.last.disposed).toBe(true);
    expect(states[states.length - 1]).toEqual(['stopped', undefined]);
    send(socket, 12);
    socket.last.sink.complete();
    socket.emit('connected');
    jest.advanceTimersByTime(60_000);
    expect(received).toEqual([11]);
    expect(socket.subscriptions).toHaveLength(1);
    expect(states.map(([state]) => state)).toEqual(['connecting', 'stopped']);
  });

  it('backs off up to 15 s, and talks to the page’s own server', () => {
    expect([1, 2, 3, 4, 6, 10].map(reconnectDelayMs)).toEqual([500, 1000, 2000, 4000, 15_000, 15_000]);
    expect(socketUrl({ protocol: 'http:', host: 'localhost:4000' })).toBe('ws://localhost:4000/graphql');
    expect(socketUrl({ protocol: 'https:', host: 'graph.example.com' })).toBe('wss://graph.example.com/graphql');
  });
});
