import { useCallback } from 'react';
import { useSearchParams } from 'wouter';

/**
 * View state lives in the URL: a copied link opens the same view, back and forward work.
 * Values equal to their default are left out, so links stay short.
 */
export function useUrlState<K extends string>(defaults: Record<K, string>) {
  const [params, setParams] = useSearchParams();
  const state = Object.fromEntries(
    (Object.keys(defaults) as K[]).map((key) => [key, params.get(key) ?? defaults[key]]),
  ) as Record<K, string>;
  const update = useCallback(
    (changes: Partial<Record<K, string>>, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
            if (value === undefined || value === '' || value === defaults[key]) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [defaults, setParams],
  );
  return [state, update] as const;
}

/**
 * The point in time every view is shown for, from the URL: the as-of date and the knowledge
 * (knownAt, pinned by a citable link), or a snapshot, which pins both.
 */
export function usePointInTime(): { asOf?: string; knownAt?: string; snapshot?: string } {
  const [params] = useSearchParams();
  const snapshot = params.get('snapshot');
  if (snapshot) return { snapshot };
  const asOf = params.get('asOf');
  const knownAt = params.get('knownAt');
  return { ...(asOf && { asOf }), ...(knownAt && { knownAt }) };
}
