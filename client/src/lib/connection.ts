import { useSyncExternalStore } from 'react';

/**
 * What the dashboard knows about its connection: whether the browser says it is online, whether
 * the server answered the last request itself, and how old the data on screen is when it came from
 * the service worker's store rather than the server (`x-zielmonitor-stored`, the moment the worker
 * stored the answer) — the oldest such answer since the view was opened, so "Stand vom …" never
 * claims fresher data than is shown. A browser can say "online" with no server in reach (a captive
 * portal, a dead access point): an answer from the store, or the worker's "nothing stored", says
 * otherwise.
 */
export type Connection = { online: boolean; reachable: boolean; storedAt: string | null };

let state: Connection = { online: navigator.onLine, reachable: true, storedAt: null };
const listeners = new Set<() => void>();
const set = (next: Connection) => {
  if (next.online === state.online && next.reachable === state.reachable && next.storedAt === state.storedAt) return;
  state = next;
  for (const listener of listeners) listener();
};

window.addEventListener('online', () => set({ online: true, reachable: true, storedAt: null }));
window.addEventListener('offline', () => set({ ...state, online: false }));

/** Called by the API client for every answer, with the headers the service worker may have set. */
export function noteAnswer(headers: Headers): void {
  const storedAt = headers.get('x-zielmonitor-stored');
  if (headers.get('x-zielmonitor-offline')) set({ ...state, reachable: false });
  else if (storedAt === null) set({ ...state, reachable: true });
  else if (state.storedAt === null || storedAt < state.storedAt) set({ ...state, reachable: false, storedAt });
  else set({ ...state, reachable: false });
}

/** Called by the API client when no answer came at all. */
export function noteNoAnswer(): void {
  set({ ...state, reachable: false });
}

/** A new view: what the previous one showed no longer counts. */
export function newView(): void {
  set({ ...state, storedAt: null });
}

/** Whether what the screen shows is live from the server. */
export const isLive = (c: Connection) => c.online && c.reachable && c.storedAt === null;

export function useConnection(): Connection {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
