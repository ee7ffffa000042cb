import type { StatusEvent } from '@zielmonitor/shared/schemas/status-event';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDate } from '@zielmonitor/shared/time/format';
import { useT } from '../../lib/i18n.ts';

/** One track's history, newest first; notes and wording are shown as text, never as HTML. */
export function StatusHistory({ title, events, testId }: { title: string; events: StatusEvent[]; testId: string }) {
  const t = useT();
  return (
    <section className="panel track" data-testid={testId} aria-label={title}>
      <h2>{title}</h2>
      {events.length === 0 ? (
        <p className="muted">{t.goal.noEvents}</p>
      ) : (
        <ol className="history">
          {events.map((e) => (
            <li key={e.id}>
              <p>
                <StatusBadge status={e.status} />
                {e.progress !== null && (
                  <>
                    {' '}
                    · {t.goal.progress} {e.progress} %
                  </>
                )}
                {' · '}
                {t.goal.effective}{' '}
                {formatDate(
                  e.effectiveDatePrecision === 'day'
                    ? e.effectiveDate
                    : e.effectiveDate.slice(0, e.effectiveDatePrecision === 'month' ? 7 : 4),
                  t.lang,
                )}
                {e.effectiveDateWording && e.effectiveDateWording !== e.effectiveDate && (
                  <span className="muted"> („{e.effectiveDateWording}“)</span>
                )}
              </p>
              <p className="muted">
                {t.goal.reporter}: {e.reporter} · {t.goal.recorded} {formatDate(e.recordedAt, t.lang)}
              </p>
              {e.originalWording && (
                <p>
                  {t.goal.wording}: „{e.originalWording}“
                </p>
              )}
              {e.note && <p className="note">{e.note}</p>}
              {(e.evidence.url || e.evidence.reference || e.sourceId) && (
                <p className="muted">
                  {t.goal.evidence}:{' '}
                  {e.evidence.url && (
                    <a href={e.evidence.url} rel="noreferrer noopener" target="_blank">
                      {e.evidence.url}
                    </a>
                  )}
                  {e.evidence.reference && <> {e.evidence.reference}</>}
                  {e.sourceId && (
                    <>
                      {' '}
                      (<a href={`#source-${e.sourceId}`}>{e.sourceId}</a>)
                    </>
                  )}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
