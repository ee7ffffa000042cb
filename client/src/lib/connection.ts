import { useSyncExternalStore } from 'react';

/**
 * What the dashboard knows about its connection: whether the browser is online, and how old the
 * data on screen is when it came from the service worker's store rather than the server
 * (`x-zielmonitor-stored`, the moment the worker stored the answer) — the oldest such answer since
 * the view was opened, so "Stand vom …" never claims fresher data than is shown.
 */
export type Connection = { online: boolean; storedAt: string | null };

let state: Connection = { online: navigator.onLine, storedAt: null };
const listeners = new Set<() => void>();
const set = (next: Connection) => {
  if (next.online === state.online && next.storedAt === state.storedAt) return;
  state = next;
  for (const listener of listeners) listener();
};

window.addEventListener('online', () => set({ online: true, storedAt: null }));
window.addEventListener('offline', () => set({ ...state, online: false }));

/** Called by the API client for every answer: the stored time, or null for one fresh from the server. */
export function noteAnswer(storedAt: string | null): void {
  if (storedAt === null) return;
  if (state.storedAt === null || storedAt < state.storedAt) set({ ...state, storedAt });
}

/** A new view: what the previous one showed no longer counts. */
export function newView(): void {
  set({ ...state, storedAt: null });
}

export function useConnection(): Connection {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
