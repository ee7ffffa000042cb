import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'wouter';
import { goalsQuery } from '../../api/goals.ts';
import { reportedFiguresQuery, ressortStatsQuery } from '../../api/stats.ts';
import { snapshotQuery } from '../../api/time.ts';
import { indicatorsQuery } from '../../api/indicators.ts';
import { formatDate, formatDateTime } from '@zielmonitor/shared/time/format';
import { COUNTING_RULE_TEXT } from '@zielmonitor/shared/vocabulary/counting-rules';
import { citableLink } from '../../lib/citable-link.ts';
import { useT } from '../../lib/i18n.ts';
import { buildSlides, findSlide } from '../../lib/session-slides.ts';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { SessionSlide } from './session-slide.tsx';

/**
 * Sitzungsmodus: full screen, large type, driven by keyboard or presenter clicker, locked to a
 * snapshot or a date so nothing changes mid-debate. Everything is fetched once and held in the
 * page; a dropped network changes nothing on screen.
 */
export function SessionPage() {
  const t = useT();
  const [params] = useSearchParams();
  const version = params.get('version') ?? '1.0';
  const snapshot = params.get('snapshot') ?? undefined;
  // Without a snapshot the session is locked to the date it was opened on.
  const [asOf] = useState(() => params.get('asOf') ?? todayInBerlin());
  const at = snapshot ? { snapshot } : { asOf };
  const once = {
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnReconnect: false,
    refetchOnWindowFocus: false,
  } as const;
  const [stats, goals, figures, indicators] = useQueries({
    queries: [
      { ...ressortStatsQuery({ version, track: 'official', rule: 'all_goals', ...at }), ...once },
      { ...goalsQuery({ version, limit: 500, ...at }), ...once },
      { ...reportedFiguresQuery({ version, ...at }), ...once },
      { ...indicatorsQuery({ version, ...at }), ...once },
    ],
  });
  const snap = useQuery({ ...snapshotQuery(snapshot ?? ''), enabled: Boolean(snapshot), ...once });
  const slides = useMemo(
    () => (stats.data && goals.data ? buildSlides(stats.data.items, goals.data.items, indicators.data?.items) : []),
    [stats.data, goals.data, indicators.data],
  );
  const [index, setIndex] = useState(0);
  const [typed, setTyped] = useState('');
  const [online, setOnline] = useState(() => navigator.onLine);

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  const go = useCallback((next: number) => setIndex(Math.max(0, Math.min(slides.length - 1, next))), [slides.length]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (['ArrowRight', 'PageDown', ' ', 'ArrowDown'].includes(event.key) && !typed) {
        event.preventDefault();
        go(index + 1);
        return;
      }
      if (['ArrowLeft', 'PageUp', 'ArrowUp'].includes(event.key)) {
        event.preventDefault();
        go(index - 1);
        return;
      }
      if (event.key === 'Home') {
        go(0);
        return;
      }
      if (event.key === 'End') {
        go(slides.length - 1);
        return;
      }
      if (event.key === 'Escape') {
        setTyped('');
        return;
      }
      if (event.key === 'Backspace') {
        setTyped((s) => s.slice(0, -1));
        return;
      }
      if (event.key === 'Enter') {
        const target = findSlide(slides, typed);
        if (target >= 0) go(target);
        setTyped('');
        return;
      }
      if (event.key.length === 1 && /[\p{L}\p{N}-]/u.test(event.key)) setTyped((s) => s + event.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, index, slides, typed]);

  const dataDate = snapshot
    ? snap.data
      ? `${snap.data.title} · ${formatDate(snap.data.createdAt.slice(0, 10), t.lang)}`
      : snapshot
    : formatDate(asOf, t.lang);
  const slide = slides[index];
  return (
    <div className="session" data-testid="session">
      <header className="session-bar">
        <span data-testid="session-date">
          {t.session.dataFrom}: <strong>{dataDate}</strong>
          {snap.data && <span className="mono"> · {snap.data.contentHash.slice(0, 12)}</span>}
        </span>
        <span className={online ? 'online' : 'offline'} role="status">
          {online ? t.session.online : t.session.offline}
        </span>
        <span>{slides.length > 0 && `${index + 1} / ${slides.length}`}</span>
        <button type="button" onClick={enterFullscreen}>
          {t.session.fullscreen}
        </button>
      </header>
      <main className="session-main" aria-live="polite">
        {!slide ? (
          <p className="session-loading">{stats.isError || goals.isError ? t.errorTitle : t.loading}</p>
        ) : (
          <SessionSlide slide={slide} stats={stats.data} figures={figures.data?.items ?? []} />
        )}
      </main>
      {typed && (
        <div className="session-typed" role="status">
          {t.session.jumpTo}: {typed}⏎
        </div>
      )}
      {stats.data && (
        <p className="session-stamp" data-testid="session-stamp">
          {t.stamp.versionShort(stats.data.version)} · {t.stamp.asOf(formatDate(stats.data.at.asOf ?? asOf, t.lang))} ·{' '}
          {t.stamp.track(t.trackShort.official)} · {t.stamp.rule(COUNTING_RULE_TEXT.all_goals[t.lang].label, null)} ·{' '}
          {t.stamp.coverage(stats.data.documentedGoalCount, stats.data.declaredGoalCount)} ·{' '}
          {t.stamp.knownAt(formatDateTime(stats.data.at.recordedUntil, t.lang))} · {t.stamp.cite}:{' '}
          <span className="mono">
            {citableLink(
              window.location.origin,
              '/sitzung',
              params.toString(),
              { ...stats.data.at, asOf: stats.data.at.asOf ?? asOf },
              version,
            )}
          </span>
        </p>
      )}
      <p className="session-help">{t.session.help}</p>
    </div>
  );
}

/** Full screen where the browser offers it (iPhone Safari does not); refusing it leaves the page as it is. */
function enterFullscreen(): void {
  const root: Partial<Pick<HTMLElement, 'requestFullscreen'>> = document.documentElement;
  root.requestFullscreen?.().catch(() => undefined);
}
