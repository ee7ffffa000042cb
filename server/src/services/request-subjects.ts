import type { CorrectionRequest } from '@zielmonitor/shared/schemas/correction-request';
import { formatDate, formatStatedDate } from '@zielmonitor/shared/time/format';
import { NOW } from '../repositories/current-status-sql.ts';
import type { StoredFigure, StoredRequest } from '../repositories/correction-requests.ts';
import type { Repositories } from '../repositories/index.ts';
import { indicatorRessorts, mayAnswerRequest, ressortsOf, responsibilityToday, type Actor } from './permissions.ts';
import { figureLabel, figurePath, toFigureView } from './request-figures.ts';

/** What a correction request is about — a goal, a report, an indicator, a reading or a figure — in words and as a link. */

export type Subject = {
  goalId: string | null;
  indicatorId: string | null;
  statusEventId: number | null;
  readingId: number | null;
  figure: StoredFigure | null;
  label: string;
  path: string;
  ressorts: string[];
};

/** What a request is about, with the Ressorts that speak for it today; null when it names nothing known. */
export function subjectOf(
  repos: Repositories,
  kind: StoredRequest['subjectKind'],
  id: string | number,
): Subject | null {
  const goalSubject = (goalId: string, entry: { id: number; date: string } | null): Subject | null => {
    const goal = repos.statusWrites.goalForUpdate(goalId);
    const title = repos.goals.describe(goalId)?.title;
    if (!goal || title === undefined) return null;
    return {
      goalId,
      indicatorId: null,
      statusEventId: entry?.id ?? null,
      readingId: null,
      figure: null,
      label: entry ? `Meldung vom ${entry.date} zu Ziel ${goalId} „${title}“` : `Ziel ${goalId} „${title}“`,
      path: `/ziele/${encodeURIComponent(goalId)}${entry ? `#meldung-${entry.id}` : ''}`,
      ressorts: ressortsOf(responsibilityToday(repos, goal)),
    };
  };
  const indicatorSubject = (indicatorId: string, entry: { id: number; date: string } | null): Subject | null => {
    const indicator = repos.indicators.get(indicatorId);
    if (!indicator) return null;
    return {
      goalId: null,
      indicatorId,
      statusEventId: null,
      readingId: entry?.id ?? null,
      figure: null,
      label: entry ? `Messwert vom ${entry.date} der Kennzahl „${indicator.name}“` : `Kennzahl „${indicator.name}“`,
      path: `/kennzahlen/${encodeURIComponent(indicatorId)}${entry ? `#messwert-${entry.id}` : ''}`,
      ressorts: indicatorRessorts(repos, indicatorId),
    };
  };
  switch (kind) {
    case 'goal':
      return goalSubject(String(id), null);
    case 'indicator':
      return indicatorSubject(String(id), null);
    case 'status_event': {
      const event = repos.statusWrites.event(Number(id));
      return event ? goalSubject(event.goalId, { id: event.id, date: formatDate(event.effectiveDate, 'de') }) : null;
    }
    case 'reading': {
      const reading = repos.indicators.reading(Number(id), NOW);
      return reading
        ? indicatorSubject(reading.indicatorId, {
            id: reading.id,
            date: formatStatedDate(reading.date, reading.datePrecision, 'de'),
          })
        : null;
    }
    case 'figure':
      // A figure is named by its basis, not by an id: see request-figures.ts.
      return null;
  }
}

/** What a stored request is about, in words and as a link (for a figure, its citable link). */
function describeRequest(repos: Repositories, r: StoredRequest): { label: string; path: string } | null {
  if (r.figure) return { label: figureLabel(r.figure), path: figurePath(r.figure) };
  const subject = subjectOf(repos, r.subjectKind, r.statusEventId ?? r.readingId ?? r.goalId ?? r.indicatorId ?? '');
  return subject && { label: subject.label, path: subject.path };
}

export function toRequestView(repos: Repositories, r: StoredRequest, actor: Actor | null): CorrectionRequest {
  const subject = describeRequest(repos, r);
  const link =
    r.linkedEventId !== null
      ? {
          kind: 'status_event' as const,
          id: r.linkedEventId,
          // A figure's correction is a report on one of the goals it counts.
          path: `/ziele/${encodeURIComponent(r.goalId ?? repos.statusWrites.event(r.linkedEventId)?.goalId ?? '')}#meldung-${r.linkedEventId}`,
        }
      : r.linkedReadingId !== null
        ? {
            kind: 'reading' as const,
            id: r.linkedReadingId,
            path: `/kennzahlen/${encodeURIComponent(r.indicatorId ?? '')}#messwert-${r.linkedReadingId}`,
          }
        : null;
  return {
    id: r.id,
    subject: {
      kind: r.subjectKind,
      goalId: r.goalId,
      indicatorId: r.indicatorId,
      entryId: r.statusEventId ?? r.readingId,
      label: subject?.label ?? r.goalId ?? r.indicatorId ?? '',
      path: subject?.path ?? '/',
      figure: r.figure ? toFigureView(r.figure) : null,
    },
    description: r.description,
    evidenceUrl: r.evidenceUrl,
    answerByMail: r.email !== null,
    createdAt: r.createdAt,
    ressorts: r.ressorts,
    state: r.state,
    answer: r.answer,
    answeredAt: r.answeredAt,
    answeredBy: r.answeredBy,
    link,
    canAnswer: actor !== null && r.state === 'open' && mayAnswerRequest(actor, r.ressorts),
  };
}
