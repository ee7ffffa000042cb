import type { User } from '@zielmonitor/shared/schemas/auth';
import type { AnswerBody, CorrectionRequest } from '@zielmonitor/shared/schemas/correction-request';
import { AppError } from '../lib/errors.ts';
import { NOW } from '../repositories/current-status-sql.ts';
import type { StoredFigure, StoredRequest } from '../repositories/correction-requests.ts';
import type { Repositories } from '../repositories/index.ts';
import { UNKNOWN_RESSORT } from '@zielmonitor/shared/vocabulary/ressort-order';
import { answerMail } from './correction-answer-mail.ts';
import { requestNotFound, type RequestContext } from './correction-requests.ts';
import { toRequestView } from './request-subjects.ts';
import { actorOf, mayAnswerRequest } from './permissions.ts';

const badLink = (message: string) =>
  new AppError(400, 'VALIDATION_ERROR', `Ungültige Anfrage – link: ${message}`, [
    { location: 'body', field: 'link', message },
  ]);

/**
 * The correction a request led to: an entry of the same goal (or indicator) that was recorded, or
 * corrected or withdrawn, after the request came in — not any entry that happens to exist.
 */
function checkLink(repos: Repositories, request: StoredRequest, link: NonNullable<AnswerBody['link']>): void {
  const since = request.createdAt;
  if (link.kind === 'status_event') {
    if (request.indicatorId !== null) throw badLink('Ein Hinweis zu einer Kennzahl verweist auf einen Messwert');
    const goalId = request.goalId ?? figureGoal(repos, request.figure, link.id);
    const { official, independent } = repos.goals.history(goalId);
    const event = [...official, ...independent].find((e) => e.id === link.id);
    if (!event) throw badLink(`Meldung ${link.id} gehört nicht zu Ziel ${goalId}`);
    if (event.recordedAt < since && (event.supersededBy?.recordedAt ?? '') < since)
      throw badLink('Diese Meldung ist älter als der Hinweis; bitte die Berichtigung angeben, die er ausgelöst hat');
    return;
  }
  if (request.indicatorId === null)
    throw badLink('Ein Hinweis zu einem Ziel oder einer Zahl verweist auf eine Meldung');
  const reading = repos.indicators.reading(link.id, NOW);
  if (!reading || reading.indicatorId !== request.indicatorId)
    throw badLink(`Messwert ${link.id} gehört nicht zu dieser Kennzahl`);
  if (reading.recordedAt < since && (reading.superseded?.recordedAt ?? '') < since)
    throw badLink('Dieser Messwert ist älter als der Hinweis; bitte die Berichtigung angeben, die er ausgelöst hat');
}

/** A figure is corrected by a report on one of the goals it counts: same version, track and Ressort. */
function figureGoal(repos: Repositories, figure: StoredFigure | null, eventId: number): string {
  const event = repos.statusWrites.event(eventId);
  const goal = event && repos.goals.describe(event.goalId);
  if (!figure || !event || !goal) throw badLink(`Meldung ${eventId} gibt es nicht`);
  const ressort = goal.leadRessort ?? UNKNOWN_RESSORT;
  if (goal.version !== figure.version || event.track !== figure.track || (figure.ressort ?? ressort) !== ressort)
    throw badLink(`Meldung ${eventId} betrifft kein Ziel, das diese Zahl zählt`);
  return goal.id;
}

/**
 * Answers a request once, accepted or declined; with an address, the answer is queued to it in
 * the same transaction and the address deleted. Audited without the address.
 */
export function answerRequest(
  ctx: RequestContext & { user: User; ip: string; now: Date },
  id: number,
  body: AnswerBody,
): CorrectionRequest {
  const { db, repos, user, now, ip } = ctx;
  return db
    .transaction((): CorrectionRequest => {
      const request = repos.correctionRequests.get(id);
      if (!request) throw requestNotFound(id);
      const actor = actorOf(repos, user);
      if (!mayAnswerRequest(actor, request.ressorts))
        throw new AppError(
          403,
          'FORBIDDEN',
          'Diesen Hinweis beantworten die Administration oder ein zuständiges Ressort.',
        );
      if (request.state !== 'open')
        throw new AppError(409, 'ALREADY_ANSWERED', 'Dieser Hinweis wurde bereits beantwortet.');
      if (body.link) checkLink(repos, request, body.link);
      repos.correctionRequests.answer({
        id,
        state: body.outcome,
        answer: body.answer === '' ? null : body.answer,
        answeredAt: now.toISOString(),
        answeredBy: user.id,
        linkedEventId: body.link?.kind === 'status_event' ? body.link.id : null,
        linkedReadingId: body.link?.kind === 'reading' ? body.link.id : null,
      });
      const answered = repos.correctionRequests.get(id);
      if (!answered) throw new Error(`request ${id} vanished inside its transaction`);
      const view = toRequestView(repos, answered, actor);
      if (request.email !== null && ctx.mail.configured) {
        const mail = answerMail(ctx.origin, request, view, body);
        ctx.mail.enqueue(ctx, { to: [request.email], dedupeKey: `request:${id}:answer`, ...mail }, now);
      }
      repos.audit.append(
        {
          actorId: user.id,
          actor: user.email,
          action: 'request.answer',
          entityType: request.goalId !== null ? 'goal' : request.indicatorId !== null ? 'indicator' : 'request',
          entityId: request.goalId ?? request.indicatorId ?? String(id),
          ip,
          before: { request: id, state: 'open' },
          after: {
            request: id,
            state: body.outcome,
            answer: body.answer,
            link: view.link,
            answeredByMail: request.email !== null,
          },
        },
        now,
      );
      return view;
    })
    .immediate();
}
