import type { User } from '@zielmonitor/shared/schemas/auth';
import type { Track } from '@zielmonitor/shared/schemas/common';
import type { GoalDetail, Responsibility } from '@zielmonitor/shared/schemas/goal';
import type { Reply } from '@zielmonitor/shared/schemas/reply';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { activeRessorts, responsibilityOf } from '../lib/responsibility.ts';
import type { Repositories } from '../repositories/index.ts';

/**
 * The one home of "who may do what": the government's track (controllers, reviewers, the
 * administration), the independent track (assessors of an organisation), replies and correction
 * requests. The dashboard never re-derives these rules: the API tells it (goal.permissions).
 */

/** A signed-in user as the rules see them on a day: their role and those of their Ressorts that still exist. */
export type Actor = { user: User; ressorts: string[] };

export function actorOf(repos: Repositories, user: User, day = todayInBerlin()): Actor {
  return { user, ressorts: activeRessorts(user.ressorts, repos.responsibility.cuts(), day) };
}

/** Who is responsible for a goal today (the rules of lib/responsibility.ts). */
export function responsibilityToday(
  repos: Repositories,
  goal: { id: string; leadRessort: string | null; coRessorts: string[] },
  day = todayInBerlin(),
): Responsibility {
  return responsibilityOf(
    goal,
    repos.responsibility.assignments(day).get(goal.id) ?? null,
    repos.responsibility.cuts(),
    day,
  );
}

/** The Ressorts that speak for a goal today: those responsible and those involved. */
export const ressortsOf = (responsibility: Responsibility): string[] => [
  ...responsibility.ressorts,
  ...responsibility.involved,
];

const isMinistry = (actor: Actor) => actor.user.role === 'controller' || actor.user.role === 'reviewer';
const serves = (actor: Actor, responsibility: Responsibility) =>
  ressortsOf(responsibility).some((code) => actor.ressorts.includes(code));

/**
 * Reporting on a goal: the administration, and controllers and reviewers of a Ressort that is
 * responsible for it today (or involved in it). A Ressort that was dissolved reports no more.
 */
export const mayReport = (actor: Actor, responsibility: Responsibility): boolean =>
  // Controllers and reviewers report for the Ressorts they serve; assessors never on this track.
  actor.user.role === 'admin' || (isMinistry(actor) && serves(actor, responsibility));

/**
 * An independent assessment of any goal or indicator: assessors, for their organisation. The
 * government does not write on this track, and the administration only imports from public sources.
 */
export const mayAssess = (actor: Actor): boolean => actor.user.role === 'assessor' && actor.user.organisation !== null;

/** Writing a new entry on a track. */
export const mayWrite = (actor: Actor, responsibility: Responsibility, track: Track): boolean =>
  track === 'official' ? mayReport(actor, responsibility) : mayAssess(actor);

/** An entry as the rules see it: whose track, and for an independent one the organisation that wrote it. */
export type Entry = { track: Track; organisation: string | null };

/**
 * Correcting or withdrawing: the government's reports as reporting; an independent entry the
 * organisation that wrote it, and the administration (also for entries from public sources).
 */
export const mayCorrect = (actor: Actor, responsibility: Responsibility, entry: Entry): boolean =>
  entry.track === 'official'
    ? mayReport(actor, responsibility)
    : actor.user.role === 'admin' ||
      (mayAssess(actor) && entry.organisation !== null && actor.user.organisation === entry.organisation);

/** Who a reply speaks for: an organisation or a Ressort. */
export type ReplyAuthor = { kind: 'organisation' | 'ressort'; name: string };

/**
 * Who may answer an entry, and for whom: under the government's entries an assessor for their
 * organisation; under independent entries a controller or reviewer for their Ressort among those
 * that speak for the goal (`ressorts`; for an indicator, those of its goals). Nobody else is a side.
 */
export function replyAuthorFor(actor: Actor, track: Track, ressorts: readonly string[]): ReplyAuthor | null {
  if (track === 'official') {
    const organisation = actor.user.organisation;
    return mayAssess(actor) && organisation !== null ? { kind: 'organisation', name: organisation } : null;
  }
  if (!isMinistry(actor)) return null;
  const own = actor.ressorts.filter((code) => ressorts.includes(code)).sort();
  return own[0] === undefined ? null : { kind: 'ressort', name: own[0] };
}

/** Correcting or withdrawing a reply: whoever speaks for its author today, and the administration. */
export const mayCorrectReply = (actor: Actor, author: ReplyAuthor): boolean =>
  actor.user.role === 'admin' ||
  (author.kind === 'organisation'
    ? mayAssess(actor) && actor.user.organisation === author.name
    : isMinistry(actor) && actor.ressorts.includes(author.name));

/**
 * Answering a correction request: the administration, and controllers and reviewers of a Ressort
 * that was responsible for its subject when it came in. Requests about goals without a Ressort go
 * to the administration.
 */
export const mayAnswerRequest = (actor: Actor, requestRessorts: readonly string[]): boolean =>
  actor.user.role === 'admin' || (isMinistry(actor) && requestRessorts.some((code) => actor.ressorts.includes(code)));

/** Releasing or returning a submitted report: a second person — a reviewer of the goal's Ressort, or the administration. */
export const mayDecide = (actor: Actor, responsibility: Responsibility, submittedBy: number): boolean =>
  actor.user.id !== submittedBy &&
  (actor.user.role === 'admin' || (actor.user.role === 'reviewer' && serves(actor, responsibility)));

/** What a user may do with a goal, for the dashboard to show. */
export function goalPermissions(
  repos: Repositories,
  user: User | null,
  goal: Pick<GoalDetail, 'id' | 'leadRessort' | 'coRessorts' | 'history' | 'replies'>,
): GoalDetail['permissions'] {
  if (!user)
    return {
      canReport: false,
      canAssess: false,
      correctableEventIds: [],
      repliableEventIds: [],
      correctableReplyIds: [],
      canAssign: false,
    };
  const actor = actorOf(repos, user);
  const responsibility = responsibilityToday(repos, goal);
  const current = [...goal.history.official, ...goal.history.independent].filter((e) => e.supersededBy === null);
  const organisations = repos.statusWrites.organisationsOf(current.map((e) => e.id));
  const answered = new Set(goal.replies.map((r) => `${r.target.id}:${r.author.kind}:${r.author.name}`));
  return {
    canReport: mayReport(actor, responsibility),
    canAssess: mayAssess(actor),
    correctableEventIds: current
      .filter((e) =>
        mayCorrect(actor, responsibility, { track: e.track, organisation: organisations.get(e.id) ?? null }),
      )
      .map((e) => e.id),
    repliableEventIds: current
      .filter((e) => {
        const author = replyAuthorFor(actor, e.track, ressortsOf(responsibility));
        return author !== null && !answered.has(`${e.id}:${author.kind}:${author.name}`);
      })
      .map((e) => e.id),
    correctableReplyIds: goal.replies
      .filter((r) => r.supersededBy === null && mayCorrectReply(actor, r.author))
      .map((r) => r.id),
    canAssign: user.role === 'admin',
  };
}

/** Who is responsible today for each goal an indicator measures. */
function indicatorResponsibilities(repos: Repositories, indicatorId: string): Responsibility[] {
  return repos.indicators.goals(indicatorId).flatMap((link) => {
    const goal = repos.statusWrites.goalForUpdate(link.goalId);
    return goal ? [responsibilityToday(repos, goal)] : [];
  });
}

/** The Ressorts that speak for an indicator today: those of the goals it measures. */
export function indicatorRessorts(repos: Repositories, indicatorId: string): string[] {
  return [...new Set(indicatorResponsibilities(repos, indicatorId).flatMap(ressortsOf))].sort();
}

/**
 * Reporting a reading of an indicator: on the government's track whoever may report on one of the
 * goals it measures today; on the independent track assessors, for any indicator.
 */
export function mayReportIndicator(
  repos: Repositories,
  user: User,
  indicatorId: string,
  track: Track = 'official',
): boolean {
  const actor = actorOf(repos, user);
  if (track === 'independent') return mayAssess(actor);
  return indicatorResponsibilities(repos, indicatorId).some((r) => mayReport(actor, r));
}

/**
 * Releasing or returning a submitted reading: a second person — a reviewer of a Ressort responsible
 * today for one of the goals the indicator measures, or the administration.
 */
export const mayDecideIndicator = (repos: Repositories, actor: Actor, indicatorId: string, submittedBy: number) =>
  indicatorResponsibilities(repos, indicatorId).some((r) => mayDecide(actor, r, submittedBy));

/** What a user may do with an indicator's readings and their replies, for the dashboard to show. */
export function indicatorPermissions(
  repos: Repositories,
  user: User | null,
  indicatorId: string,
  readings: readonly { id: number; track: Track; superseded: unknown }[],
  replies: readonly Reply[],
): { canAssess: boolean; repliableReadingIds: number[]; correctableReplyIds: number[] } {
  if (!user) return { canAssess: false, repliableReadingIds: [], correctableReplyIds: [] };
  const actor = actorOf(repos, user);
  const ressorts = indicatorRessorts(repos, indicatorId);
  const answered = new Set(replies.map((r) => `${r.target.id}:${r.author.kind}:${r.author.name}`));
  return {
    canAssess: mayAssess(actor),
    repliableReadingIds: readings
      .filter((r) => {
        const author = r.superseded === null ? replyAuthorFor(actor, r.track, ressorts) : null;
        return author !== null && !answered.has(`${r.id}:${author.kind}:${author.name}`);
      })
      .map((r) => r.id),
    correctableReplyIds: replies
      .filter((r) => r.supersededBy === null && mayCorrectReply(actor, r.author))
      .map((r) => r.id),
  };
}
