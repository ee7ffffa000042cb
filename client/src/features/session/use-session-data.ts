import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { goalsQuery } from '../../api/goals.ts';
import { indicatorsQuery } from '../../api/indicators.ts';
import { ressortsQuery } from '../../api/meta.ts';
import { reportedFiguresQuery, ressortStatsQuery } from '../../api/stats.ts';
import { snapshotQuery } from '../../api/time.ts';
import { buildSlides } from '../../lib/session-slides.ts';

/** What a session is locked to: a snapshot, or a date with the knowledge of the moment it was opened. */
export type SessionLock = { snapshot: string } | { asOf: string; knownAt: string };

// Fetched once and held for the whole session: a dropped network changes nothing on screen.
const once = {
  staleTime: Infinity,
  gcTime: Infinity,
  refetchOnReconnect: false,
  refetchOnWindowFocus: false,
} as const;

/** Everything the deck shows, and the deck itself once the figures and goals are there. */
export function useSessionData(version: string, lock: SessionLock) {
  const [stats, goals, figures, indicators, ressorts] = useQueries({
    queries: [
      { ...ressortStatsQuery({ version, track: 'official', rule: 'all_goals', ...lock }), ...once },
      { ...goalsQuery({ version, limit: 500, ...lock }), ...once },
      { ...reportedFiguresQuery({ version, ...lock }), ...once },
      { ...indicatorsQuery({ version, ...lock }), ...once },
      { ...ressortsQuery(), ...once },
    ],
  });
  const snapshot = 'snapshot' in lock ? lock.snapshot : '';
  const snap = useQuery({ ...snapshotQuery(snapshot), enabled: snapshot !== '', ...once });
  const slides = useMemo(
    () =>
      // The deck waits for all its parts, so a slide number in the URL names the same slide on every load.
      stats.data && goals.data && !figures.isPending && !indicators.isPending
        ? buildSlides(stats.data.items, goals.data.items, indicators.data?.items, figures.data?.items)
        : [],
    [stats.data, goals.data, indicators.data, figures.data, indicators.isPending, figures.isPending],
  );
  const knownRessorts = useMemo(() => (ressorts.data ?? []).map((r) => r.code), [ressorts.data]);
  return {
    stats: stats.data,
    snapshot: snap.data,
    ressorts: ressorts.data ?? [],
    knownRessorts,
    slides,
    failed: stats.isError || goals.isError,
    retry: () => void Promise.all([stats.refetch(), goals.refetch()]),
  };
}
