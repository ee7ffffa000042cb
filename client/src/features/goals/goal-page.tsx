import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'wouter';
import { ApiError } from '../../api/client.ts';
import { goalQuery } from '../../api/goals.ts';
import { useKeptSearch } from '../../components/app-shell.tsx';
import { CountingQuestions } from '../../components/counting-questions.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatStatedDate } from '@zielmonitor/shared/time/format';
import type { GoalDetail } from '@zielmonitor/shared/schemas/goal';
import { ViewStamp } from '../../components/view-stamp.tsx';
import type { T } from '../../lib/i18n.ts';
import { useT } from '../../lib/i18n.ts';
import { useControllerT } from '../../lib/messages-controller.ts';
import { formatDueDate } from '../../lib/due-date.ts';
import { usePointInTime } from '../../lib/url-state.ts';
import { StatusHistory } from './status-history.tsx';
import { ResponsibilityFacts } from './responsibility-facts.tsx';
import { useWorkflowT } from '../../lib/messages-workflow.ts';
import { PendingPanel } from '../../components/pending-panel.tsx';
import { GoalIndicators } from '../../components/indicators/goal-indicators.tsx';
import { GoalSchedule } from '../../components/indicators/goal-schedule.tsx';
import { GoalReferences } from './goal-references.tsx';
import { useVoicesT } from '../../lib/messages-voices.ts';
import { VoiceLinks } from '../../components/voices/voice-links.tsx';

export function GoalPage() {
  const t = useT();
  const tc = useControllerT();
  const { id = '' } = useParams();
  const at = usePointInTime();
  const kept = useKeptSearch();
  const goal = useQuery(goalQuery(id, at));
  const [params] = useSearchParams();
  const reported = Number(params.get('gemeldet') ?? Number.NaN);
  const submitted = params.has('eingereicht');
  const w = useWorkflowT();
  const v = useVoicesT();
  if (goal.error instanceof ApiError && goal.error.status === 404) {
    return (
      <section>
        <h1>{t.goal.notFound}</h1>
        <p>
          <Link to={`/ziele${kept}`}>{t.goal.back}</Link>
        </p>
      </section>
    );
  }
  return (
    <QueryState query={goal}>
      {(g) => (
        <article className="goal">
          <p>
            <Link to={`/ziele${kept}`}>← {t.goal.back}</Link>
          </p>
          <h1>
            <span className="mono">{g.id}</span> {g.title}
          </h1>
          <ViewStamp at={g.at} version={g.version} track="both" />
          <p role="status" aria-live="polite" className="saved">
            {Number.isFinite(reported)
              ? g.history.independent.some((e) => e.id === reported)
                ? v.assessed
                : savedMessage(t, g, reported)
              : submitted
                ? w.submitted
                : ''}
          </p>
          <PendingPanel review={g.review} about="goal" />
          <p className="goal-status">
            <StatusBadge status={g.status} /> <span className="muted">({t.goals.colStatus})</span>
            {g.permissions.canReport && (
              <>
                {' '}
                <Link className="button-link" to={`/ziele/${encodeURIComponent(g.id)}/melden`}>
                  {tc.report}
                </Link>
              </>
            )}
            {g.permissions.canAssess && (
              <>
                {' '}
                <Link className="button-link" to={`/ziele/${encodeURIComponent(g.id)}/melden?spur=unabhaengig`}>
                  {v.assess}
                </Link>
              </>
            )}
          </p>
          <VoiceLinks subject={{ kind: 'goal', id: g.id }} feed={`/api/feeds/goals/${encodeURIComponent(g.id)}.atom`} />
          {g.schedule && <GoalSchedule schedule={g.schedule} />}
          {g.description && <blockquote>{g.description}</blockquote>}
          <CountingQuestions version={g.version} goalId={g.id} />
          <dl className="facts">
            <div>
              <dt>{t.goal.version}</dt>
              <dd>{g.version}</dd>
            </div>
            <div>
              <dt>{t.goal.ressort}</dt>
              <dd>
                {g.leadRessort ?? t.unknownRessort}
                {g.ressortBasis && <p className="basis">{g.ressortBasis}</p>}
              </dd>
            </div>
            <ResponsibilityFacts goal={g} />
            {g.coRessorts.length > 0 && (
              <div>
                <dt>{t.goal.coRessorts}</dt>
                <dd>{g.coRessorts.join(', ')}</dd>
              </div>
            )}
            <div>
              <dt>{t.goal.fieldOfAction}</dt>
              <dd>
                {g.fieldOfAction ?? '–'}
                {g.fieldOfActionBasis && <p className="basis">{g.fieldOfActionBasis}</p>}
              </dd>
            </div>
            <div>
              <dt>{t.goal.horizon}</dt>
              <dd>
                {t.horizon[g.horizon]}
                {g.horizonNote && <p className="basis">{g.horizonNote}</p>}
              </dd>
            </div>
            <div>
              <dt>{t.goal.due}</dt>
              <dd>
                {formatDueDate(g, t.lang) ?? '–'}
                {g.dueDateSource === 'horizon' && <> ({t.goals.derivedDue})</>}
                {g.overdue && (
                  <>
                    {' '}
                    <strong className="overdue">{t.goals.overdue}</strong>
                  </>
                )}
                {g.dueWording && <p className="basis">„{g.dueWording}“</p>}
                {g.dueDateBasis && <p className="basis">{g.dueDateBasis}</p>}
              </dd>
            </div>
            <div>
              <dt>{t.goal.confidence}</dt>
              <dd>
                {t.goal.confidenceParts(
                  t.confidence[g.confidence.goal],
                  t.confidence[g.confidence.ressort],
                  t.confidence[g.confidence.status],
                )}
                {g.confidenceNote && <p className="basis">{g.confidenceNote}</p>}
              </dd>
            </div>
            {g.notes && (
              <div>
                <dt>{t.goal.notes}</dt>
                <dd>{g.notes}</dd>
              </div>
            )}
          </dl>
          <div className="tracks">
            <StatusHistory
              title={t.goal.officialTrack}
              events={g.history.official}
              testId="official-history"
              goalId={g.id}
              correctable={g.permissions.correctableEventIds}
              replies={g.replies}
              repliable={g.permissions.repliableEventIds}
              correctableReplies={g.permissions.correctableReplyIds}
            />
            <StatusHistory
              title={t.goal.independentTrack}
              events={g.history.independent}
              testId="independent-history"
              goalId={g.id}
              correctable={g.permissions.correctableEventIds}
              replies={g.replies}
              repliable={g.permissions.repliableEventIds}
              correctableReplies={g.permissions.correctableReplyIds}
            />
          </div>
          <GoalIndicators goalId={g.id} />
          <GoalReferences goal={g} />
        </article>
      )}
    </QueryState>
  );
}

/** After a report: what the goal's current status now is, and whether the report became it. */
function savedMessage(t: T, goal: GoalDetail, eventId: number): string {
  const current = goal.history.official.find((e) => e.supersededBy === null);
  if (!current) return t.goal.savedNoStatus;
  const date = formatStatedDate(current.effectiveDate, current.effectiveDatePrecision, t.lang);
  return current.id === eventId || !goal.history.official.some((e) => e.id === eventId)
    ? t.goal.saved(t.status[current.status], date)
    : t.goal.savedNotCurrent(t.status[current.status], date);
}
