import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { formatDate } from '@zielmonitor/shared/time/format';
import { renderMail } from '../mail/render.ts';
import { toUser } from '../repositories/users.ts';
import { noticeOfOverdueRound } from './notices.ts';
import { actorOf, mayAnswerRequest } from './permissions.ts';
import { computeRound } from './rounds.ts';
import { notifySubscribers, queueDigests } from './subscriber-mail.ts';
import type { SubscriptionContext } from './subscriptions.ts';

/**
 * The hourly work of subscriptions and correction requests, with mail configured: daily digests,
 * "round overdue" notices, and a daily note to those who answer correction requests. Everything is
 * queued, never sent, here; dedupe keys make a second run (or a restart) send nothing twice.
 */

const DAY = 86_400_000;
/** A round overdue for longer than this when first noticed (a server that was down, a new installation) is not announced. */
const OVERDUE_NOTICE_DAYS = 7;

/** Tells subscribers once about each open round that passed its due date with goals still missing. */
export function queueOverdueRounds(ctx: SubscriptionContext, now = new Date()): number {
  const today = todayInBerlin(now);
  const oldest = todayInBerlin(new Date(now.getTime() - OVERDUE_NOTICE_DAYS * DAY));
  return ctx.db
    .transaction(() => {
      let told = 0;
      for (const round of ctx.repos.rounds.list()) {
        if (round.closedAt !== null || round.dueOn >= today || ctx.repos.subscriptions.roundNoticed(round.id)) continue;
        ctx.repos.subscriptions.markRoundNoticed(round.id, now);
        if (round.dueOn < oldest) continue;
        const missing = computeRound(ctx.repos, round, today).ressorts.flatMap((r) =>
          r.goals
            .filter((g) => g.state === 'missing' || g.state === 'pending')
            .map((g) => ({ goalId: g.goalId, title: g.title, ressort: r.ressort })),
        );
        if (missing.length === 0) continue;
        told += notifySubscribers(ctx, noticeOfOverdueRound(round, missing, now), now);
      }
      return told;
    })
    .immediate();
}

const waiting = (n: number) => (n === 1 ? '1 Hinweis wartet' : `${n} Hinweise warten`);

/** Once a day, to each person who may answer open correction requests: how many wait, and where. */
function queueRequestReminders(ctx: SubscriptionContext, now = new Date()): number {
  const today = todayInBerlin(now);
  return ctx.db
    .transaction(() => {
      const open = ctx.repos.correctionRequests.list('open');
      if (open.length === 0) return 0;
      let queued = 0;
      for (const record of ctx.repos.users.list()) {
        if (record.disabledAt !== null || record.role === 'assessor') continue;
        const person = toUser(record);
        const actor = actorOf(ctx.repos, person, today);
        // The Ressorts answer their own; the administration sees all (and alone those without a Ressort).
        const mine = open.filter((r) => mayAnswerRequest(actor, r.ressorts));
        if (mine.length === 0) continue;
        const result = ctx.mail.enqueue(
          ctx,
          {
            to: [person.email],
            dedupeKey: `requests:user:${person.id}:${today}`,
            ...renderMail(ctx.origin, {
              subject: `Zielmonitor: ${waiting(mine.length)} auf Antwort`,
              title: `${waiting(mine.length)} auf Antwort`,
              paragraphs: [
                `Guten Tag ${person.name},`,
                'im Zielmonitor haben Leserinnen und Leser Fehler gemeldet. Bitte prüfen Sie die Hinweise und beantworten Sie sie: berichtigt (mit Verweis auf die Berichtigung) oder abgelehnt (mit Grund).',
                mine
                  .map(
                    (r) =>
                      `• Hinweis ${r.id} vom ${formatDate(r.createdAt, 'de')} (${r.ressorts.join(', ') || 'ohne Ressort'})`,
                  )
                  .join('\n'),
              ],
              links: [{ label: 'Zu den Hinweisen', path: '/hinweise' }],
              reason:
                person.role === 'admin'
                  ? 'Sie erhalten diese E-Mail, weil Sie den Zielmonitor verwalten.'
                  : `Sie erhalten diese E-Mail, weil Sie im Zielmonitor für ${actor.ressorts.join(', ')} melden.`,
            }),
          },
          now,
        );
        if (result.created) queued++;
      }
      return queued;
    })
    .immediate();
}

export type VoicesRun = { digests: number; overdueRounds: number; requestReminders: number };

export function runVoicesJobs(ctx: SubscriptionContext, now = new Date()): VoicesRun {
  return {
    digests: queueDigests(ctx, now),
    overdueRounds: queueOverdueRounds(ctx, now),
    requestReminders: queueRequestReminders(ctx, now),
  };
}
