import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One request's causal consistency across processes: the bookmarks it brought (a write's, made through any process,
 * that its sessions must see first) and those of the last write it committed (which its answer hands back).
 */
export interface RequestBookmarks {
  readonly awaited: readonly string[];
  written: string[] | null;
}

const storage = new AsyncLocalStorage<RequestBookmarks>();

/** Runs `work` with `bookmarks` on every session opened inside it. */
export function withRequestBookmarks<T>(bookmarks: RequestBookmarks, work: () => T): T {
  return storage.run(bookmarks, work);
}

/** The current request's bookmarks, if it runs inside `withRequestBookmarks`. */
export function currentRequestBookmarks(): RequestBookmarks | undefined {
  return storage.getStore();
}
