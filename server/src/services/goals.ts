import type { User } from '@zielmonitor/shared/schemas/auth';
import type { AssignResponsibilityBody, GoalSummary, GoalsQuery } from '@zielmonitor/shared/schemas/goal';
import type { Db } from '../db/database.ts';
import { AppError, notFound, unknownValue } from '../lib/errors.ts';
import { carriedOnBy, isActive } from '../lib/responsibility.ts';
import type { Cutoff } from '../repositories/current-status-sql.ts';
import type { Repositories } from '../repositories/index.ts';
import { actorOf, mayReport, responsibilityToday } from './permissions.ts';
import { conflictFor, StatusConflictError } from './status-updates.ts';

/**
 * The goal list. Filters on today's responsibility (a Ressort's goals, or the signed-in user's)
 * follow successions and assignments, which SQL does not know: they are applied to the whole
 * selection before paging, so totals and pages stay right.
 */
export function listGoals(
  repos: Repositories,
  query: GoalsQuery,
  at: Cutoff,
  user: User | null,
): { items: GoalSummary[]; total: number } {
  if (query.responsible === undefined && query.reportable === undefined) return repos.goals.list(query, at);
  if (query.reportable !== undefined && !user) {
    throw new AppError(401, 'UNAUTHENTICATED', 'Bitte melden Sie sich an, um Ihre Ziele zu sehen.');
  }
  const actor = user ? actorOf(repos, user) : null;
  const all = repos.goals
    .list({ ...query, limit: 1_000_000, offset: 0 }, at)
    .items.filter(
      (goal) =>
        (query.responsible === undefined || goal.responsibility.ressorts.includes(query.responsible)) &&
        (query.reportable === undefined || (actor !== null && mayReport(actor, responsibilityToday(repos, goal)))),
    );
  return { items: all.slice(query.offset, query.offset + query.limit), total: all.length };
}

/**
 * An administration settles who is responsible for a goal: a Ressort that exists on the day the
 * assignment applies from, with the basis. Append-only, conflict-safe and audited.
 */
export function assignResponsibility(
  db: Db,
  repos: Repositories,
  user: User,
  goalId: string,
  body: AssignResponsibilityBody,
  ip: string,
  now = new Date(),
): GoalSummary {
  return db
    .transaction(() => {
      const goal = repos.statusWrites.goalForUpdate(goalId);
      if (!goal) throw notFound(`Ziel „${goalId}“ nicht gefunden`);
      const cuts = repos.responsibility.cuts();
      const cut = cuts.get(body.ressort);
      if (!cut) throw unknownValue('body', 'ressort', `unbekanntes Ressort „${body.ressort}“`);
      if (!isActive(cut, body.validFrom)) {
        throw unknownValue('body', 'ressort', `${body.ressort} bestand am ${body.validFrom} nicht`);
      }
      const candidates = goal.leadRessort === null ? [] : carriedOnBy(goal.leadRessort, cuts, body.validFrom);
      if (goal.leadRessort !== null && !candidates.includes(body.ressort)) {
        throw unknownValue(
          'body',
          'ressort',
          `${body.ressort} ist kein Nachfolger von ${goal.leadRessort} (in Frage kommen: ${candidates.join(', ')})`,
        );
      }
      if (goal.revision !== body.expectedRevision) {
        throw new StatusConflictError(conflictFor(repos, goalId, body.expectedRevision));
      }
      const before = responsibilityToday(repos, goal);
      if (!repos.statusWrites.bumpRevision(goal.id, goal.revision)) throw new Error('revision moved');
      repos.responsibility.assign({
        goalId,
        ressort: body.ressort,
        validFrom: body.validFrom,
        basis: body.basis,
        userId: user.id,
        at: now.toISOString(),
      });
      repos.audit.append(
        {
          actorId: user.id,
          actor: user.email,
          action: 'goal.assign',
          entityType: 'goal',
          entityId: goalId,
          before: { revision: goal.revision, responsibility: before },
          after: { revision: goal.revision + 1, ressort: body.ressort, validFrom: body.validFrom, basis: body.basis },
          ip,
        },
        now,
      );
      const summary = repos.goals.describe(goalId);
      if (!summary) throw new Error(`goal ${goalId} vanished`);
      return summary;
    })
    .immediate();
}
