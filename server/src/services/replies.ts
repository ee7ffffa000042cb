import type { Track } from '@zielmonitor/shared/schemas/common';
import type { Reply, ReplyBody, ReplyResponse, ReplySupersedeBody } from '@zielmonitor/shared/schemas/reply';
import { AppError, notFound } from '../lib/errors.ts';
import { NOW } from '../repositories/current-status-sql.ts';
import type { Repositories } from '../repositories/index.ts';
import { consume, LIMITS } from './limits.ts';
import { replyAuthorLabel } from '@zielmonitor/shared/vocabulary/labels';
import { noticeOfReply } from './notices.ts';
import {
  actorOf,
  indicatorRessorts,
  mayAssess,
  mayCorrectReply,
  replyAuthorFor,
  ressortsOf,
  responsibilityToday,
  type Actor,
} from './permissions.ts';
import type { WriteContext } from './status-updates.ts';

/**
 * Replies (Stellungnahmen): the other side answers an entry once per organisation or Ressort. A
 * reply changes no figure and no goal revision; it is audited and told to subscribers. Corrections
 * and withdrawals keep the earlier text, marked, as everywhere in the record.
 */

export type ReplyContext = Omit<WriteContext, 'reviewRequired'>;

/** An entry as a reply sees it: whose track, the goal or indicator, who speaks for it, whether it still counts. */
type Answered = {
  track: Track;
  goalId: string | null;
  indicatorId: string | null;
  ressorts: string[];
  superseded: boolean;
};

function answered(repos: Repositories, target: Reply['target'], parentId: string): Answered {
  if (target.kind === 'status_event') {
    const event = repos.statusWrites.event(target.id);
    const goal = event && repos.statusWrites.goalForUpdate(event.goalId);
    if (!event || !goal || event.goalId !== parentId)
      throw notFound(`Meldung ${target.id} zu Ziel „${parentId}“ nicht gefunden`);
    return {
      track: event.track,
      goalId: event.goalId,
      indicatorId: null,
      ressorts: ressortsOf(responsibilityToday(repos, goal)),
      superseded: event.supersededAt !== null,
    };
  }
  const reading = repos.indicators.reading(target.id, NOW);
  if (!reading || reading.indicatorId !== parentId)
    throw notFound(`Messwert ${target.id} zu Kennzahl „${parentId}“ nicht gefunden`);
  return {
    track: reading.track,
    goalId: null,
    indicatorId: reading.indicatorId,
    ressorts: indicatorRessorts(repos, reading.indicatorId),
    superseded: reading.superseded !== null,
  };
}

/** Why someone may not answer an entry, in the words of who answers what. */
function notASide(actor: Actor, track: Track): AppError {
  const message =
    track === 'official'
      ? 'Zu Meldungen der Landesregierung nehmen unabhängige Organisationen wie Fraktionen und Presse Stellung.'
      : mayAssess(actor)
        ? 'Zu unabhängigen Einschätzungen nimmt das zuständige Ressort der Landesregierung Stellung.'
        : 'Zu dieser Einschätzung nimmt ein zuständiges Ressort Stellung; keines Ihrer Ressorts ist heute dafür zuständig.';
  return new AppError(403, 'FORBIDDEN', message);
}

const auditEntity = (reply: Pick<Reply, 'goalId' | 'indicatorId'>) =>
  reply.goalId !== null
    ? { entityType: 'goal', entityId: reply.goalId }
    : { entityType: 'indicator', entityId: reply.indicatorId ?? '' };

/** A first reply to an entry, for the user's organisation or Ressort. */
export function createReply(
  ctx: ReplyContext,
  target: Reply['target'],
  parentId: string,
  body: ReplyBody,
): ReplyResponse {
  const { db, repos, user, now, ip } = ctx;
  return db
    .transaction((): ReplyResponse => {
      const entry = answered(repos, target, parentId);
      const actor = actorOf(repos, user);
      const author = replyAuthorFor(actor, entry.track, entry.ressorts);
      if (!author) throw notASide(actor, entry.track);
      if (entry.superseded)
        throw new AppError(
          409,
          'SUPERSEDED',
          'Dieser Eintrag wurde berichtigt oder zurückgenommen. Eine Stellungnahme gehört zur geltenden Fassung.',
        );
      if (repos.replies.firstBy(target, author) !== undefined)
        throw new AppError(
          409,
          'ALREADY_REPLIED',
          `${replyAuthorLabel(author)} hat hierzu schon Stellung genommen. Eine Stellungnahme lässt sich berichtigen oder zurücknehmen, aber nicht ein zweites Mal abgeben.`,
        );
      consume(db, repos, [{ limit: LIMITS.statusReportsPerAccount, key: String(user.id) }], now);
      const id = repos.replies.insert({
        target,
        author,
        text: body.text,
        evidenceUrl: body.evidence.url ?? null,
        evidenceReference: body.evidence.reference ?? null,
        recordedAt: now.toISOString(),
        userId: user.id,
        corrects: null,
      });
      const reply = repos.replies.get(id);
      if (!reply) throw new Error(`reply ${id} not found after writing it`);
      repos.audit.append(
        {
          actorId: user.id,
          actor: user.email,
          action: 'reply.create',
          ip,
          before: null,
          after: { reply },
          ...auditEntity(reply),
        },
        now,
      );
      ctx.notify(noticeOfReply(repos, reply, 'reply'));
      return { reply };
    })
    .immediate();
}

/** Corrects (a new text that supersedes it, with the reason) or withdraws a reply. */
export function supersedeReply(ctx: ReplyContext, replyId: number, body: ReplySupersedeBody): ReplyResponse {
  const { db, repos, user, now, ip } = ctx;
  return db
    .transaction((): ReplyResponse => {
      const reply = repos.replies.get(replyId);
      if (!reply) throw notFound(`Stellungnahme ${replyId} nicht gefunden`);
      if (!mayCorrectReply(actorOf(repos, user), reply.author))
        throw new AppError(
          403,
          'FORBIDDEN',
          'Eine Stellungnahme berichtigt oder zurücknimmt nur, wer für ihre Organisation oder ihr Ressort spricht, oder die Administration.',
        );
      if (reply.supersededBy)
        throw new AppError(
          409,
          'ALREADY_SUPERSEDED',
          'Diese Stellungnahme wurde schon berichtigt oder zurückgenommen.',
        );
      consume(db, repos, [{ limit: LIMITS.statusReportsPerAccount, key: String(user.id) }], now);
      const replacementId = body.replacement
        ? repos.replies.insert({
            target: reply.target,
            author: reply.author,
            text: body.replacement.text,
            evidenceUrl: body.replacement.evidence.url ?? null,
            evidenceReference: body.replacement.evidence.reference ?? null,
            recordedAt: now.toISOString(),
            userId: user.id,
            corrects: reply.id,
          })
        : null;
      repos.replies.supersede({
        replyId,
        kind: body.kind,
        replacementId,
        reason: body.reason,
        recordedAt: now.toISOString(),
        userId: user.id,
      });
      const result = repos.replies.get(replacementId ?? replyId);
      if (!result) throw new Error('reply vanished inside its transaction');
      repos.audit.append(
        {
          actorId: user.id,
          actor: user.email,
          action: body.kind === 'correction' ? 'reply.correct' : 'reply.withdraw',
          ip,
          before: { reply },
          after: { reason: body.reason, reply: body.kind === 'correction' ? result : null },
          ...auditEntity(reply),
        },
        now,
      );
      ctx.notify(noticeOfReply(repos, result, body.kind));
      return { reply: result };
    })
    .immediate();
}
