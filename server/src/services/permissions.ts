import type { User } from '@zielmonitor/shared/schemas/auth';
import type { Track } from '@zielmonitor/shared/schemas/common';
import type { GoalDetail, Responsibility } from '@zielmonitor/shared/schemas/goal';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { activeRessorts, responsibilityOf } from '../lib/responsibility.ts';
import type { Repositories } from '../repositories/index.ts';

/**
 * The one home of "who may do what" on the government's track. The dashboard never re-derives
 * these rules: the API tells it (goal.permissions).
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

const serves = (actor: Actor, responsibility: Responsibility) =>
  [...responsibility.ressorts, ...responsibility.involved].some((code) => actor.ressorts.includes(code));

/**
 * Reporting on a goal: the administration, and controllers and reviewers of a Ressort that is
 * responsible for it today (or involved in it). A Ressort that was dissolved reports no more.
 */
export const mayReport = (actor: Actor, responsibility: Responsibility): boolean =>
  // The other roles, controller and reviewer, report for the Ressorts they serve.
  actor.user.role === 'admin' || serves(actor, responsibility);

/** Correcting or withdrawing: the government's reports as reporting; independent assessments only the administration. */
export const mayCorrect = (actor: Actor, responsibility: Responsibility, track: Track): boolean =>
  track === 'official' ? mayReport(actor, responsibility) : actor.user.role === 'admin';

/** Releasing or returning a submitted report: a second person — a reviewer of the goal's Ressort, or the administration. */
export const mayDecide = (actor: Actor, responsibility: Responsibility, submittedBy: number): boolean =>
  actor.user.id !== submittedBy &&
  (actor.user.role === 'admin' || (actor.user.role === 'reviewer' && serves(actor, responsibility)));

/** What a user may do with a goal, for the dashboard to show. */
export function goalPermissions(
  repos: Repositories,
  user: User | null,
  goal: Pick<GoalDetail, 'id' | 'leadRessort' | 'coRessorts' | 'history'>,
): GoalDetail['permissions'] {
  if (!user) return { canReport: false, correctableEventIds: [], canAssign: false };
  const actor = actorOf(repos, user);
  const responsibility = responsibilityToday(repos, goal);
  const events = [...goal.history.official, ...goal.history.independent];
  return {
    canReport: mayReport(actor, responsibility),
    correctableEventIds: events
      .filter((e) => e.supersededBy === null && mayCorrect(actor, responsibility, e.track))
      .map((e) => e.id),
    canAssign: user.role === 'admin',
  };
}

/**
 * Reporting a reading of an indicator: whoever may report on one of the goals it measures today.
 */
export function mayReportIndicator(repos: Repositories, user: User, indicatorId: string): boolean {
  const actor = actorOf(repos, user);
  return repos.indicators.goals(indicatorId).some((link) => {
    const goal = repos.statusWrites.goalForUpdate(link.goalId);
    return goal !== undefined && mayReport(actor, responsibilityToday(repos, goal));
  });
}
