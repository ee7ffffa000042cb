import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { formatDate } from '@zielmonitor/shared/time/format';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { DEFAULT_VERSION } from '../../components/app-shell.tsx';
import { citableLink } from '../../lib/citable-link.ts';
import { useT } from '../../lib/i18n.ts';
import { useSessionT } from '../../lib/messages-session.ts';
import { findSlide, slideFromParam } from '../../lib/session-slides.ts';
import { SessionFooter } from './session-footer.tsx';
import { SessionSlide } from './session-slide.tsx';
import { useFit } from './use-fit.ts';
import { isLive, useConnection } from '../../lib/connection.ts';
import { useSessionData, type SessionLock } from './use-session-data.ts';
import { useSessionInput } from './use-session-input.ts';

// Printing every slide is for the clerk, not for the projector: its code loads once the deck is there.
const SessionHandout = lazy(() => import('./session-handout.tsx').then((m) => ({ default: m.SessionHandout })));

// An instant as the API takes it, to the second: what the session was told when it was opened.
const nowInstant = () => `${new Date().toISOString().slice(0, 19)}Z`;

/**
 * Sitzungsmodus: full screen, large type, driven by keys, a clicker, taps or swipes; locked to a
 * snapshot, or to a date and the knowledge of the moment it was opened, so nothing changes
 * mid-debate. The slide, the date and the knowledge are in the URL: a reload or a shared link opens
 * the same slide with the same figures.
 */
export function SessionPage() {
  const t = useT();
  const s = useSessionT();
  const [params, setParams] = useSearchParams();
  const version = params.get('version') ?? DEFAULT_VERSION;
  const snapshot = params.get('snapshot');
  const [lock] = useState<SessionLock>(() =>
    snapshot
      ? { snapshot }
      : { asOf: params.get('asOf') ?? todayInBerlin(), knownAt: params.get('knownAt') ?? nowInstant() },
  );
  const data = useSessionData(version, lock);
  const { slides, stats } = data;
  const index = slideFromParam(params.get('folie'), slides.length);
  // What the last jump found, said on the slide it was said on: moving on clears it.
  const [notice, setNotice] = useState({ slide: -1, text: '' });
  const [handoutReady, setHandoutReady] = useState(false);
  // Live only while the server answers: a deck served from the worker's store says it is offline.
  const connection = useConnection();
  const online = isLive(connection);
  const box = useRef<HTMLDivElement>(null);
  useFit(box, `${index}/${slides.length}`);

  const write = useCallback(
    (folie: number | null) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          updated.set('version', version);
          for (const [key, value] of Object.entries(lock)) updated.set(key, value);
          if (folie !== null) updated.set('folie', String(folie));
          return updated;
        },
        { replace: true },
      ),
    [setParams, version, lock],
  );
  const show = (next: number) => write(Math.max(0, Math.min(slides.length - 1, next)) + 1);
  // The lock goes into the URL at once: a reload keeps the date and the knowledge.
  useEffect(() => {
    if (Object.entries(lock).some(([key, value]) => params.get(key) !== value)) write(null);
  }, [lock, params, write]);

  const jump = (typed: string) => {
    const hit = findSlide(slides, typed, data.knownRessorts);
    if (hit.index >= 0) show(hit.index);
    const slide = hit.index + 1;
    const said =
      hit.found === 'ressort'
        ? s.found.ressort(hit.code, hit.goals, slide)
        : hit.found === 'responsible'
          ? s.found.responsible(hit.code, hit.goals, slide)
          : hit.found === 'goal'
            ? s.found.goal(hit.code, slide)
            : hit.found === 'ressort-without-goals'
              ? s.found.ressortWithoutGoals(hit.code, version)
              : s.found.nothing(hit.code);
    setNotice({ slide: hit.index >= 0 ? Math.max(0, Math.min(slides.length - 1, hit.index)) : index, text: said });
  };
  const { typed, pointer } = useSessionInput({
    step: (delta) => show(index + delta),
    first: () => show(0),
    last: () => show(slides.length - 1),
    jump,
  });

  const dataDate = snapshot
    ? data.snapshot
      ? `${data.snapshot.title} · ${formatDate(data.snapshot.createdAt.slice(0, 10), t.lang)}`
      : snapshot
    : formatDate('asOf' in lock ? lock.asOf : todayInBerlin(), t.lang);
  const link = (slide: number) =>
    stats
      ? citableLink(
          window.location.origin,
          '/sitzung',
          new URLSearchParams({ ...(snapshot && { snapshot }), folie: String(slide) }).toString(),
          { ...stats.at, asOf: stats.at.asOf ?? ('asOf' in lock ? lock.asOf : null) },
          version,
        )
      : '';
  const back = new URLSearchParams({ version, ...lock }).toString();
  const slide = slides[index];
  return (
    <div className="session" data-testid="session">
      <header className="session-bar">
        <Link to={`/?${back}`} className="session-back">
          ← {s.back}
        </Link>
        <span data-testid="session-date">
          {s.dataFrom}: <strong>{dataDate}</strong>
          {data.snapshot && <span className="mono"> · {data.snapshot.contentHash.slice(0, 12)}</span>}
        </span>
        <span className={online ? 'online' : 'offline'} role="status">
          {online ? s.online : s.offline}
        </span>
        <span data-testid="slide-counter">{slides.length > 0 && s.slideOf(index + 1, slides.length)}</span>
        <span className="session-actions">
          <button type="button" onClick={() => window.print()} disabled={!handoutReady}>
            {s.handout}
          </button>
          <button type="button" onClick={enterFullscreen}>
            {s.fullscreen}
          </button>
        </span>
      </header>
      <main className="session-stage" aria-live="polite" {...pointer}>
        <div className="slide-box" ref={box} data-testid="slide-box">
          {slide && stats ? (
            <SessionSlide slide={slide} stats={stats} />
          ) : (
            <p className="session-loading" role={data.failed ? 'alert' : 'status'}>
              {data.failed ? t.errorTitle : t.loading}{' '}
              {data.failed && (
                <button type="button" onClick={data.retry}>
                  {t.retry}
                </button>
              )}
            </p>
          )}
        </div>
      </main>
      <SessionFooter
        stats={stats}
        asOf={'asOf' in lock ? lock.asOf : null}
        link={link(index + 1)}
        count={slides.length}
        index={index}
        onStep={(delta) => show(index + delta)}
        onJump={jump}
        typed={typed}
        notice={notice.slide === index ? notice.text : ''}
      />
      {slides.length > 0 && stats && (
        <Suspense fallback={null}>
          <SessionHandout slides={slides} stats={stats} dataDate={dataDate} link={link} onReady={setHandoutReady} />
        </Suspense>
      )}
    </div>
  );
}

/** Full screen where the browser offers it (iPhone Safari does not); refusing it leaves the page as it is. */
function enterFullscreen(): void {
  const root: Partial<Pick<HTMLElement, 'requestFullscreen'>> = document.documentElement;
  root.requestFullscreen?.().catch(() => undefined);
}
