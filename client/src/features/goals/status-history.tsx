import { Link } from 'wouter';
import type { StatusEvent } from '@zielmonitor/shared/schemas/status-event';
import { formatDate, formatStatedDate, wordingAddsToDate } from '@zielmonitor/shared/time/format';
import { StatusBadge } from '../../components/status-badge.tsx';
import type { Reply } from '@zielmonitor/shared/schemas/reply';
import { useT } from '../../lib/i18n.ts';
import { useControllerT } from '../../lib/messages-controller.ts';
import { useVoicesT } from '../../lib/messages-voices.ts';
import { ReplyList } from '../../components/voices/reply-list.tsx';

/**
 * One track's history, newest first: each report with what kind of change it was, a report that
 * was corrected or withdrawn struck through with who, when and why. Notes and wording are shown as
 * text, never as HTML.
 */
export function StatusHistory({
  title,
  events,
  testId,
  goalId,
  correctable = [],
  replies = [],
  repliable = [],
  correctableReplies = [],
}: {
  title: string;
  events: StatusEvent[];
  testId: string;
  goalId: string;
  /** Reports the signed-in user may correct or withdraw (the API decides). */
  correctable?: number[];
  /** Replies (Stellungnahmen) to these reports, shown beside each. */
  replies?: Reply[];
  /** Reports the signed-in user may still answer, and replies they may withdraw (the API decides). */
  repliable?: number[];
  correctableReplies?: number[];
}) {
  const t = useT();
  const tc = useControllerT();
  const v = useVoicesT();
  const goalPath = `/ziele/${encodeURIComponent(goalId)}`;
  const byId = new Map(events.map((e) => [e.id, e]));
  return (
    <section className="panel track" data-testid={testId} aria-label={title}>
      <h2>{title}</h2>
      {events.length === 0 ? (
        <p className="muted">{t.goal.noEvents}</p>
      ) : (
        <ol className="history">
          {events.map((e) => {
            const corrected = e.corrects === null ? undefined : byId.get(e.corrects);
            return (
              <li key={e.id} id={`meldung-${e.id}`} className={e.supersededBy ? 'superseded' : undefined}>
                <p className="event-head">
                  <span className={`change-kind kind-${e.kind}`}>{t.changeKind[e.kind]}</span>{' '}
                  {e.supersededBy ? (
                    <del>
                      <StatusBadge status={e.status} />
                    </del>
                  ) : (
                    <StatusBadge status={e.status} />
                  )}
                  {e.progress !== null && (
                    <>
                      {' '}
                      · {t.goal.progress} {e.progress} %
                    </>
                  )}
                  {' · '}
                  {t.goal.effective} {formatStatedDate(e.effectiveDate, e.effectiveDatePrecision, t.lang)}
                  {e.effectiveDateWording &&
                    wordingAddsToDate(e.effectiveDateWording, e.effectiveDate, e.effectiveDatePrecision, t.lang) && (
                      <span className="muted"> („{e.effectiveDateWording}“)</span>
                    )}
                  {e.lateReport && (
                    <>
                      {' · '}
                      <strong className="late-report" title={t.goal.lateReportHint}>
                        {t.goal.lateReport}
                      </strong>
                    </>
                  )}
                </p>
                {e.supersededBy && (
                  <p className="superseded-note">
                    <strong>
                      {t.goal.superseded(
                        e.supersededBy.kind,
                        formatDate(e.supersededBy.recordedAt, t.lang),
                        e.supersededBy.reporter,
                      )}
                    </strong>{' '}
                    {t.goal.supersededReason}: {e.supersededBy.reason}
                  </p>
                )}
                {e.corrects !== null && (
                  <p className="muted">
                    {corrected ? (
                      <a href={`#meldung-${corrected.id}`}>
                        {t.goal.correctionOf(
                          formatStatedDate(corrected.effectiveDate, corrected.effectiveDatePrecision, t.lang),
                        )}
                      </a>
                    ) : (
                      t.goal.correctionLink
                    )}
                  </p>
                )}
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
                <ReplyList
                  replies={replies.filter((r) => r.target.id === e.id)}
                  correctable={correctableReplies}
                  replyPath={repliable.includes(e.id) ? `${goalPath}/meldungen/${e.id}/stellungnahme` : null}
                />
                <p className="report-error">
                  <Link to={`/fehler-melden?meldung=${e.id}`}>{v.reportError}</Link>
                </p>
                {correctable.includes(e.id) && (
                  <p className="event-actions">
                    <Link
                      className="button-link secondary"
                      to={`/ziele/${encodeURIComponent(goalId)}/meldungen/${e.id}/berichtigen`}
                    >
                      {tc.correct}
                    </Link>{' '}
                    <Link
                      className="button-link secondary"
                      to={`/ziele/${encodeURIComponent(goalId)}/meldungen/${e.id}/berichtigen?art=ruecknahme`}
                    >
                      {tc.withdraw}
                    </Link>
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
