import { compareKeys } from './compare-keys.ts';

// The one order of Ressorts in every answer and view (server and dashboard). Without zod: the
// dashboard's first screen sorts with it.

/** The key under which goals no source attributes to a Ressort are counted. */
export const UNKNOWN_RESSORT = 'unknown';

type RankedRessort = { ressort: string; fulfilmentRate: number; total: number };

/** Best fulfilment first, then the larger Ressort, then by code; `unknown` last. */
export function compareRessorts(a: RankedRessort, b: RankedRessort): number {
  return (
    Number(a.ressort === UNKNOWN_RESSORT) - Number(b.ressort === UNKNOWN_RESSORT) ||
    b.fulfilmentRate - a.fulfilmentRate ||
    b.total - a.total ||
    compareKeys(a.ressort, b.ressort)
  );
}
