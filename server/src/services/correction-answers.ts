import type { User } from '@zielmonitor/shared/schemas/auth';
import type { AnswerBody, CorrectionRequest } from '@zielmonitor/shared/schemas/correction-request';
import { formatDate } from '@zielmonitor/shared/time/format';
import { AppError } from '../lib/errors.ts';
import { renderMail } from '../mail/render.ts';
import { NOW } from '../repositories/current-status-sql.ts';
import type { StoredRequest } from '../repositories/correction-requests.ts';
import type { Repositories } from '../repositories/index.ts';
import { requestNotFound, subjectOf, toRequestView, type RequestContext } from './correction-requests.ts';
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
    if (request.goalId === null) throw badLink('Ein Hinweis zu einer Kennzahl verweist auf einen Messwert');
    const { official, independent } = repos.goals.history(request.goalId);
    const event = [...official, ...independent].find((e) => e.id === link.id);
    if (!event) throw badLink(`Meldung ${link.id} gehört nicht zu Ziel ${request.goalId}`);
    if (event.recordedAt < since && (event.supersededBy?.recordedAt ?? '') < since)
      throw badLink('Diese Meldung ist älter als der Hinweis; bitte die Berichtigung angeben, die er ausgelöst hat');
    return;
  }
  if (request.indicatorId === null) throw badLink('Ein Hinweis zu einem Ziel verweist auf eine Meldung');
  const reading = repos.indicators.reading(link.id, NOW);
  if (!reading || reading.indicatorId !== request.indicatorId)
    throw badLink(`Messwert ${link.id} gehört nicht zu dieser Kennzahl`);
  if (reading.recordedAt < since && (reading.superseded?.recordedAt ?? '') < since)
    throw badLink('Dieser Messwert ist älter als der Hinweis; bitte die Berichtigung angeben, die er ausgelöst hat');
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
        const subject = subjectOf(
          repos,
          request.subjectKind,
          request.statusEventId ?? request.readingId ?? request.goalId ?? request.indicatorId ?? '',
        );
        const label = subject?.label ?? view.subject.label;
        ctx.mail.enqueue(
          ctx,
          {
            to: [request.email],
            dedupeKey: `request:${id}:answer`,
            ...renderMail(ctx.origin, {
              subject: `Zielmonitor: Antwort auf Ihren Hinweis zu ${label}`,
              title:
                body.outcome === 'accepted'
                  ? 'Ihr Hinweis hat zu einer Berichtigung geführt'
                  : 'Ihr Hinweis wurde geprüft',
              paragraphs: [
                'Guten Tag,',
                `vielen Dank für Ihren Hinweis vom ${formatDate(request.createdAt, 'de')} zu ${label}.`,
                body.outcome === 'accepted'
                  ? 'Wir haben ihn geprüft und den Eintrag berichtigt.'
                  : 'Wir haben ihn geprüft und den Eintrag nicht geändert.',
                ...(body.answer === ''
                  ? []
                  : [`${body.outcome === 'accepted' ? 'Antwort' : 'Begründung'}: ${body.answer}`]),
              ],
              links: view.link
                ? [{ label: 'Zur Berichtigung', path: view.link.path }]
                : [{ label: 'Im Zielmonitor ansehen', path: view.subject.path }],
              reason:
                'Sie erhalten diese E-Mail, weil Sie bei Ihrem Hinweis um eine Antwort gebeten haben. Ihre Adresse ist damit im Zielmonitor gelöscht.',
            }),
          },
          now,
        );
      }
      repos.audit.append(
        {
          actorId: user.id,
          actor: user.email,
          action: 'request.answer',
          entityType: request.goalId !== null ? 'goal' : 'indicator',
          entityId: request.goalId ?? request.indicatorId ?? '',
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
