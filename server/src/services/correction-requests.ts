import type { User } from '@zielmonitor/shared/schemas/auth';
import type {
  CorrectionRequest,
  CorrectionRequestBody,
  CorrectionRequestCreated,
  CorrectionRequestStats,
  RequestState,
} from '@zielmonitor/shared/schemas/correction-request';
import type { Db } from '../db/database.ts';
import { AppError, notFound } from '../lib/errors.ts';
import type { Mail } from '../mail/mail.ts';
import type { Repositories } from '../repositories/index.ts';
import { actorOf, mayAnswerRequest } from './permissions.ts';
import { figurePath, figureSubject } from './request-figures.ts';
import { subjectOf, toRequestView, type Subject } from './request-subjects.ts';
import { refuseFilledHoneypot } from './subscriptions.ts';

/**
 * "Fehler melden": anyone reports an error without an account. Administration and the Ressort's
 * controllers and reviewers answer each request once, accepted (with the correction it led to) or
 * declined with a reason; the requester is told by mail if they left an address, which is then
 * deleted. Only counts per Ressort are public: a request's text may name its author.
 */

export type RequestContext = { db: Db; repos: Repositories; mail: Mail; origin: string };

const unknownSubject = (what: string) =>
  new AppError(400, 'VALIDATION_ERROR', `Ungültige Anfrage – subject.id: ${what} gibt es nicht`, [
    { location: 'body', field: 'subject.id', message: `${what} gibt es nicht` },
  ]);

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
