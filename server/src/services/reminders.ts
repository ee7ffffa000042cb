import type { User } from '@zielmonitor/shared/schemas/auth';
import type { RoundGoal } from '@zielmonitor/shared/schemas/round';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { formatDate, formatDateTime } from '@zielmonitor/shared/time/format';
import type { Db } from '../db/database.ts';
import type { MailOn } from '../mail/mail.ts';
import { renderMail } from '../mail/render.ts';
import type { Repositories } from '../repositories/index.ts';
import type { StoredRound } from '../repositories/rounds.ts';
import type { StoredSubmission } from '../repositories/submissions.ts';
import { toUser } from '../repositories/users.ts';
import { actorOf, mayDecide, mayDecideIndicator, responsibilityToday } from './permissions.ts';
import { computeRound } from './rounds.ts';
import { submissionLine } from './submission-words.ts';

/**
 * Reminder mails of the reporting workflow, queued (never sent) here inside one transaction:
 * - to the controllers of Ressorts with goals still missing in an open round, 7 days and 1 day
 *   before its due date (each once: the dedupe key names round, stage and person);
 * - once a day to each person who may release reports or readings that wait for release — reviewers
 *   of the responsible Ressort, or the administration where no reviewer of it is registered.
 */

export type ReminderContext = { db: Db; repos: Repositories; mail: MailOn; origin: string; reviewRequired: boolean };
export type QueuedReminders = { rounds: number; reviews: number };

/** Days before a round's due date on which its reminders go out, earliest first. */
const REMINDER_DAYS = [7, 1] as const;

const DAY = 86_400_000;
const daysUntil = (today: string, day: string) => Math.round((Date.parse(day) - Date.parse(today)) / DAY);

/** Which reminder a round is due on a day: 7 (a week before its due date), 1 (the day before), or none. */
export function reminderStage(dueOn: string, today: string): 7 | 1 | null {
  const days = daysUntil(today, dueOn);
  if (days < 0) return null; // past its due date the round page says "überfällig"
  // The latest stage reached: a server that was down on the day still sends it, once.
  return [...REMINDER_DAYS].reverse().find((stage) => days <= stage) ?? null;
}

const goalsNominative = (n: number) => (n === 1 ? '1 Ziel' : `${n} Ziele`);
const goalsDative = (n: number) => (n === 1 ? '1 Ziel' : `${n} Zielen`);
/** "1 Meldung wartet", "2 Messwerte warten", "1 Meldung und 2 Messwerte warten". */
function waiting(submissions: StoredSubmission[]): string {
  const readings = submissions.filter((s) => s.subject === 'indicator').length;
  const reports = submissions.length - readings;
  const parts = [
    reports > 0 && (reports === 1 ? '1 Meldung' : `${reports} Meldungen`),
    readings > 0 && (readings === 1 ? '1 Messwert' : `${readings} Messwerte`),
  ].filter((part) => part !== false);
  return `${parts.join(' und ')} ${submissions.length === 1 ? 'wartet' : 'warten'}`;
}

export function queueReminders(ctx: ReminderContext, now = new Date()): QueuedReminders {
  const today = todayInBerlin(now);
  return ctx.db
    .transaction((): QueuedReminders => {
      const people = ctx.repos.users
        .list()
        .filter((u) => u.disabledAt === null)
        .map(toUser);
      let rounds = 0;
      for (const round of ctx.repos.rounds.list()) {
        const stage = reminderStage(round.dueOn, today);
        if (round.closedAt !== null || stage === null || today < round.opensOn) continue;
        rounds += remindRound(ctx, round, stage, people, today, now);
      }
      return { rounds, reviews: remindReviewers(ctx, people, today, now) };
    })
    .immediate();
}

function remindRound(
  ctx: ReminderContext,
  round: StoredRound,
  stage: 7 | 1,
  people: User[],
  today: string,
  now: Date,
): number {
  const detail = computeRound(ctx.repos, round, today);
  let queued = 0;
  for (const person of people.filter((p) => p.role === 'controller')) {
    const actor = actorOf(ctx.repos, person, today);
    const missing = new Map<string, RoundGoal>();
    for (const ressort of detail.ressorts.filter((r) => actor.ressorts.includes(r.ressort))) {
      for (const goal of ressort.goals.filter((g) => g.state === 'missing')) missing.set(goal.goalId, goal);
    }
    if (missing.size === 0) continue;
    const due = formatDate(round.dueOn, 'de');
    const when = daysUntil(today, round.dueOn) === 0 ? 'heute' : stage === 1 ? 'morgen' : `am ${due}`;
    const result = ctx.mail.enqueue(
      ctx,
      {
        to: [person.email],
        dedupeKey: `round:${round.id}:reminder-${stage}d:user:${person.id}`,
        ...renderMail(ctx.origin, {
          subject: `Erinnerung: Berichtsrunde „${round.name}“ fällig ${when}`,
          title: `Für ${goalsNominative(missing.size)} fehlt noch ein Bericht`,
          paragraphs: [
            `Guten Tag ${person.name},`,
            `die Berichtsrunde „${round.name}“ (Digitalstrategie ${round.version}) ist am ${due} fällig. Zu ${goalsDative(missing.size)} Ihres Ressorts liegt noch kein Bericht vor:`,
            [...missing.values()].map((g) => `• ${g.goalId}: ${g.title}`).join('\n'),
            ctx.reviewRequired
              ? 'Bitte melden Sie den Stand oder bestätigen Sie ihn als unverändert. Ein Bericht zählt, sobald eine zweite Person ihn freigegeben hat.'
              : 'Bitte melden Sie den Stand oder bestätigen Sie ihn als unverändert.',
          ],
          links: [
            { label: 'Meine Ziele', path: '/meine-ziele' },
            { label: 'Stand der Berichtsrunde', path: `/runden/${round.id}` },
          ],
          reason: `Sie erhalten diese E-Mail, weil Sie im Zielmonitor für ${actor.ressorts.join(', ')} melden und die Berichtsrunde Ihr Ressort umfasst.`,
        }),
      },
      now,
    );
    if (result.created) queued++;
  }
  return queued;
}

/** Who is asked to release a submission: the reviewers who may, else the administration. */
function decidersOf(ctx: ReminderContext, submission: StoredSubmission, people: User[], today: string): User[] {
  let may: (p: User) => boolean;
  if (submission.subject === 'indicator') {
    may = (p) =>
      mayDecideIndicator(ctx.repos, actorOf(ctx.repos, p, today), submission.indicatorId, submission.submittedBy);
  } else {
    const goal = ctx.repos.statusWrites.goalForUpdate(submission.goalId);
    if (!goal) return [];
    const responsibility = responsibilityToday(ctx.repos, goal, today);
    may = (p) => mayDecide(actorOf(ctx.repos, p, today), responsibility, submission.submittedBy);
  }
  const reviewers = people.filter((p) => p.role === 'reviewer' && may(p));
  return reviewers.length > 0 ? reviewers : people.filter((p) => p.role === 'admin' && may(p));
}

function remindReviewers(ctx: ReminderContext, people: User[], today: string, now: Date): number {
  const waitingFor = new Map<number, { person: User; submissions: StoredSubmission[] }>();
  for (const submission of ctx.repos.submissions.list('pending')) {
    for (const person of decidersOf(ctx, submission, people, today)) {
      const entry = waitingFor.get(person.id) ?? { person, submissions: [] };
      entry.submissions.push(submission);
      waitingFor.set(person.id, entry);
    }
  }
  let queued = 0;
  for (const { person, submissions } of waitingFor.values()) {
    const result = ctx.mail.enqueue(
      ctx,
      {
        to: [person.email],
        dedupeKey: `review:user:${person.id}:${today}`,
        ...renderMail(ctx.origin, {
          subject: `Zielmonitor: ${waiting(submissions)} auf Ihre Freigabe`,
          title: `${waiting(submissions)} auf Freigabe`,
          paragraphs: [
            `Guten Tag ${person.name},`,
            'im Zielmonitor wartet Folgendes auf die Freigabe durch eine zweite Person. Erst Freigegebenes zählt in den öffentlichen Zahlen.',
            submissions
              .map(
                (s) =>
                  `${submissionLine(ctx.repos, s)} von ${s.reporter}, eingereicht am ${formatDateTime(s.submittedAt, 'de')}`,
              )
              .join('\n'),
          ],
          links: [{ label: 'Zu den Freigaben', path: '/freigaben' }],
          reason:
            person.role === 'admin'
              ? 'Sie erhalten diese E-Mail, weil Sie den Zielmonitor verwalten und für diese Ressorts niemand zur Freigabe eingetragen ist.'
              : `Sie erhalten diese E-Mail, weil Sie im Zielmonitor Meldungen für ${person.ressorts.join(', ')} freigeben.`,
        }),
      },
      now,
    );
    if (result.created) queued++;
  }
  return queued;
}
