/**
 * Caps how many of one kind of expensive work run at once, in total and per key (a client
 * address). Nothing queues: a caller that finds no free slot is told so at once, so a burst
 * costs the server nothing beyond the slots it already runs.
 */
export type GateLimits = { total: number; perKey: number };

export function createConcurrencyGate(limits: GateLimits) {
  let running = 0;
  const perKey = new Map<string, number>();
  return {
    /** A function that frees the slot, or null when every slot (or this key's) is taken. */
    tryEnter(key: string): (() => void) | null {
      const mine = perKey.get(key) ?? 0;
      if (running >= limits.total || mine >= limits.perKey) return null;
      running += 1;
      perKey.set(key, mine + 1);
      let left = false;
      return () => {
        if (left) return;
        left = true;
        running -= 1;
        const now = (perKey.get(key) ?? 1) - 1;
        if (now === 0) perKey.delete(key);
        else perKey.set(key, now);
      };
    },
    get running(): number {
      return running;
    },
  };
}
export type ConcurrencyGate = ReturnType<typeof createConcurrencyGate>;
