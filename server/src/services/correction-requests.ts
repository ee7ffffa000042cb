import type { User } from '@zielmonitor/shared/schemas/auth';
import type {
  CorrectionRequest,
  CorrectionRequestBody,
  CorrectionRequestCreated,
  CorrectionRequestStats,
  RequestState,
} from '@zielmonitor/shared/schemas/correction-request';
import { formatDate, formatStatedDate } from '@zielmonitor/shared/time/format';
import type { Db } from '../db/database.ts';
import { AppError, notFound } from '../lib/errors.ts';
import type { Mail } from '../mail/mail.ts';
import { NOW } from '../repositories/current-status-sql.ts';
import type { StoredFigure, StoredRequest } from '../repositories/correction-requests.ts';
import type { Repositories } from '../repositories/index.ts';
import {
  actorOf,
  indicatorRessorts,
  mayAnswerRequest,
  ressortsOf,
  responsibilityToday,
  type Actor,
} from './permissions.ts';
import { figureLabel, figurePath, figureSubject, toFigureView } from './request-figures.ts';
import { refuseFilledHoneypot } from './subscriptions.ts';

/**
 * "Fehler melden": anyone reports an error without an account. Administration and the Ressort's
 * controllers and reviewers answer each request once, accepted (with the correction it led to) or
 * declined with a reason; the requester is told by mail if they left an address, which is then
 * deleted. Only counts per Ressort are public: a request's text may name its author.
 */

export type RequestContext = { db: Db; repos: Repositories; mail: Mail; origin: string };

type Subject = {
  goalId: string | null;
  indicatorId: string | null;
  statusEventId: number | null;
  readingId: number | null;
  figure: StoredFigure | null;
  label: string;
  path: string;
  ressorts: string[];
};

const unknownSubject = (what: string) =>
  new AppError(400, 'VALIDATION_ERROR', `Ungültige Anfrage – subject.id: ${what} gibt es nicht`, [
    { location: 'body', field: 'subject.id', message: `${what} gibt es nicht` },
  ]);

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
export function describeRequest(repos: Repositories, r: StoredRequest): { label: string; path: string } | null {
  if (r.figure) return { label: figureLabel(r.figure), path: figurePath(r.figure) };
  const subject = subjectOf(repos, r.subjectKind, r.statusEventId ?? r.readingId ?? r.goalId ?? r.indicatorId ?? '');
  return subject && { label: subject.label, path: subject.path };
}

const SUBJECT_NAMES = {
  goal: 'Dieses Ziel',
  status_event: 'Diese Meldung',
  indicator: 'Diese Kennzahl',
  reading: 'Dieser Messwert',
  figure: 'Diese Zahl',
};

/** A goal, a report, an indicator or a reading by its id; a figure by its basis (400 if it does not exist). */
function requestedSubject(repos: Repositories, subject: CorrectionRequestBody['subject']): Subject | null {
  if (subject.kind !== 'figure') return subjectOf(repos, subject.kind, subject.id);
  const { figure, ressorts, label } = figureSubject(repos, subject);
  const none = { goalId: null, indicatorId: null, statusEventId: null, readingId: null };
  return { ...none, figure, label, path: figurePath(figure), ressorts };
}

/** Stores a request from anyone; the per-address limit is counted by the route before this runs. */
export function submitRequest(
  ctx: RequestContext,
  body: CorrectionRequestBody,
  now = new Date(),
): CorrectionRequestCreated {
  const { db, repos } = ctx;
  return db
    .transaction(() => {
      refuseFilledHoneypot(body.website);
      const subject = requestedSubject(repos, body.subject);
      if (!subject) throw unknownSubject(SUBJECT_NAMES[body.subject.kind]);
      if (body.email !== undefined && !ctx.mail.configured) {
        throw new AppError(
          400,
          'VALIDATION_ERROR',
          'Ungültige Anfrage – email: Antworten per E-Mail sind hier nicht eingerichtet',
          [{ location: 'body', field: 'email', message: 'Antworten per E-Mail sind hier nicht eingerichtet' }],
        );
      }
      const { label: _label, path: _path, ...where } = subject;
      const id = repos.correctionRequests.insert({
        subjectKind: body.subject.kind,
        ...where,
        description: body.description,
        evidenceUrl: body.evidenceUrl ?? null,
        email: body.email ?? null,
        createdAt: now.toISOString(),
      });
      repos.audit.append(
        {
          actorId: null,
          actor: 'Öffentlichkeit (anonym)',
          action: 'request.create',
          entityType: subject.goalId !== null ? 'goal' : subject.indicatorId !== null ? 'indicator' : 'request',
          entityId: subject.goalId ?? subject.indicatorId ?? String(id),
          // Neither the address nor the network address: an anonymous request stays anonymous in the log.
          ip: null,
          before: null,
          after: {
            request: id,
            subject: subject.label,
            description: body.description,
            answerByMail: body.email !== undefined,
          },
        },
        now,
      );
      return { id, answerByMail: body.email !== undefined };
    })
    .immediate();
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

/** The queue: every request for the administration, those of their Ressorts for controllers and reviewers. */
export function listRequests(repos: Repositories, user: User, state: RequestState | null): CorrectionRequest[] {
  const actor = actorOf(repos, user);
  if (user.role === 'assessor')
    throw new AppError(403, 'FORBIDDEN', 'Hinweise beantworten die Administration und die zuständigen Ressorts.');
  return repos.correctionRequests
    .list(state)
    .filter((r) => user.role === 'admin' || mayAnswerRequest(actor, r.ressorts))
    .map((r) => toRequestView(repos, r, actor));
}

/** Public: open and answered requests per Ressort. */
export function requestStats(repos: Repositories): CorrectionRequestStats {
  const { perRessort, total } = repos.correctionRequests.counts();
  const counts = (c: { open: number; accepted: number; declined: number }) => ({
    open: c.open,
    accepted: c.accepted,
    declined: c.declined,
  });
  const without = perRessort.find((c) => c.ressort === null);
  return {
    ressorts: perRessort.flatMap((c) => (c.ressort === null ? [] : [{ ressort: c.ressort, ...counts(c) }])),
    withoutRessort: without ? counts(without) : { open: 0, accepted: 0, declined: 0 },
    total: counts(total),
  };
}

export const requestNotFound = (id: number) => notFound(`Hinweis ${id} nicht gefunden`);
