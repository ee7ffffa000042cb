import { useEffect } from 'react';
import type { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import { formatDateTime } from '@zielmonitor/shared/time/format';
import { useT } from '../../lib/i18n.ts';
import { useSessionT } from '../../lib/messages-session.ts';
import type { Slide } from '../../lib/session-slides.ts';
import { SessionSlide } from './session-slide.tsx';

/**
 * The handout: every slide of the session on its own A4 page in a light print style, each page
 * saying which strategy version, which data date and knowledge it shows and the link that opens
 * exactly this slide again. Hidden on screen; printing from session mode (the button or Ctrl+P)
 * prints this instead of the one slide on the projector.
 */
export function SessionHandout({
  slides,
  stats,
  dataDate,
  link,
  onReady,
}: {
  slides: Slide[];
  stats: RessortStatsResponse;
  dataDate: string;
  link: (slide: number) => string;
  onReady: (ready: boolean) => void;
}) {
  const t = useT();
  const s = useSessionT();
  useEffect(() => {
    onReady(true);
    return () => onReady(false);
  }, [onReady]);
  return (
    <div className="handout" data-testid="handout">
      {slides.map((slide, i) => (
        <article className="handout-page" key={i}>
          <p className="handout-head">
            Zielmonitor · {s.handoutTitle(stats.version)} · {s.dataFrom}: {dataDate} ·{' '}
            {s.handoutSlide(i + 1, slides.length)}
          </p>
          <SessionSlide slide={slide} stats={stats} />
          <p className="handout-stamp">
            {t.stamp.versionShort(stats.version)} · {s.dataFrom}: {dataDate} ·{' '}
            {t.stamp.knownAt(formatDateTime(stats.at.recordedUntil, t.lang))} ·{' '}
            {t.stamp.coverage(stats.documentedGoalCount, stats.declaredGoalCount)}
            <br />
            {t.stamp.cite}: {link(i + 1)}
          </p>
        </article>
      ))}
    </div>
  );
}
