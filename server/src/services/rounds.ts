import type { User } from '@zielmonitor/shared/schemas/auth';
import type {
  CreateRoundBody,
  RoundDetail,
  RoundGoal,
  RoundRessort,
  RoundSummary,
} from '@zielmonitor/shared/schemas/round';
import { ViewSnapshotPayload } from '@zielmonitor/shared/schemas/snapshot';
import { startOfDayInBerlin, endOfDayInBerlin, todayInBerlin } from '@zielmonitor/shared/time/berlin';
import type { Db } from '../db/database.ts';
import { AppError, notFound, unknownValue } from '../lib/errors.ts';
import type { Repositories } from '../repositories/index.ts';
import type { StoredRound } from '../repositories/rounds.ts';

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Where a round stands on `today`: per Ressort in scope, each goal it is responsible for now, with
 * whether a released report — a status report, or an official reading of an indicator measuring
 * the goal — entered the public record since the round opened (in time or late), waits for
 * release, or is missing — and since when it is overdue. A goal whose succession is not
 * settled counts for every successor in scope: a report by either settles it for both.
 */
export function computeRound(repos: Repositories, round: StoredRound, today = todayInBerlin()): RoundDetail {
  const goals = repos.goals.list({ version: round.version, sort: 'id', order: 'asc', limit: 100_000, offset: 0 }).items;
  const reported = repos.rounds.firstReportsSince(round.version, startOfDayInBerlin(round.opensOn));
  const pending = repos.rounds.pendingGoals(round.version);
  const deadline = endOfDayInBerlin(round.dueOn);
  const names = new Map(repos.ressorts.list().map((r) => [r.code, r.name]));
  const overdue = today > round.dueOn;
  const stateOf = (goalId: string): Pick<RoundGoal, 'state' | 'reportedAt'> => {
    const at = reported.get(goalId) ?? null;
    if (at !== null) return { state: at <= deadline ? 'reported' : 'reported_late', reportedAt: at };
    return { state: pending.has(goalId) ? 'pending' : 'missing', reportedAt: null };
  };
  const ressorts: RoundRessort[] = round.ressortCodes.map((code) => {
    const own: RoundGoal[] = goals
      .filter((g) => g.responsibility.ressorts.includes(code))
      .map((g) => ({
        goalId: g.id,
        title: g.title,
        status: g.status,
        unsettled: g.responsibility.unsettled,
        ...stateOf(g.id),
      }));
    const count = (states: RoundGoal['state'][]) => own.filter((g) => states.includes(g.state)).length;
    const open = count(['pending', 'missing']);
    return {
      ressort: code,
      ressortName: names.get(code) ?? null,
      goals: own,
      reported: count(['reported', 'reported_late']),
      pending: count(['pending']),
      missing: count(['missing']),
      complete: open === 0,
      overdueSince: overdue && open > 0 ? nextDay(round.dueOn) : null,
    };
  });
  const inScope = new Set(ressorts.flatMap((r) => r.goals.map((g) => g.goalId)));
  return {
    ...summaryOf(round, ressorts, inScope, reported),
    ressorts,
    withoutRessort: goals.filter((g) => g.responsibility.ressorts.length === 0).length,
    asOf: today,
  };
}

function summaryOf(
  round: StoredRound,
  ressorts: RoundRessort[],
  inScope: Set<string>,
  reported: Map<string, string>,
): RoundSummary {
  return {
    id: round.id,
    name: round.name,
    version: round.version,
    opensOn: round.opensOn,
    dueOn: round.dueOn,
    ressortCodes: round.ressortCodes,
    closedAt: round.closedAt,
    snapshotId: round.snapshotId,
    goals: inScope.size,
    reported: [...inScope].filter((id) => reported.has(id)).length,
    completeRessorts: ressorts.filter((r) => r.complete).length,
  };
}

/** A round as it stands — or, once closed, as it was frozen. */
export function roundDetail(repos: Repositories, id: number): RoundDetail {
  const round = repos.rounds.get(id);
  if (!round) throw notFound(`Berichtsrunde ${id} nicht gefunden`);
  if (round.snapshotId) {
    const snapshot = repos.snapshots.get(round.snapshotId);
    const payload = snapshot && ViewSnapshotPayload.safeParse(JSON.parse(snapshot.payloadJson));
    if (payload?.success && payload.data.round)
      return { ...payload.data.round, closedAt: round.closedAt, snapshotId: round.snapshotId };
  }
  return computeRound(repos, round);
}

export const roundSummaries = (repos: Repositories): RoundSummary[] =>
  repos.rounds.list().map((round) => {
    const { ressorts: _r, withoutRessort: _w, asOf: _a, ...summary } = roundDetail(repos, round.id);
    return summary;
  });

/** An administration opens a round: a name, a due date, a version and the Ressorts in scope. Audited. */
export function createRound(
  db: Db,
  repos: Repositories,
  user: User,
  body: CreateRoundBody,
  ip: string,
  now = new Date(),
): RoundDetail {
  if (!repos.versions.get(body.version)) throw unknownValue('body', 'version', `unbekannte Version „${body.version}“`);
  body.ressorts.forEach((code, i) => {
    if (!repos.ressorts.exists(code)) throw unknownValue('body', `ressorts.${i}`, `unbekanntes Ressort „${code}“`);
  });
  const opensOn = body.opensOn ?? todayInBerlin(now);
  if (body.dueOn < opensOn) {
    throw new AppError(400, 'VALIDATION_ERROR', 'Fällig am: liegt vor dem Beginn der Runde', [
      { location: 'body', field: 'dueOn', message: 'liegt vor dem Beginn der Runde' },
    ]);
  }
  const id = db.transaction(() => {
    const created = repos.rounds.create({
      name: body.name,
      version: body.version,
      opensOn,
      dueOn: body.dueOn,
      ressorts: [...new Set(body.ressorts)].sort(),
      createdBy: user.id,
      createdAt: now.toISOString(),
    });
    repos.audit.append(
      {
        actorId: user.id,
        actor: user.email,
        action: 'round.open',
        entityType: 'round',
        entityId: String(created),
        before: null,
        after: { ...body, opensOn },
        ip,
      },
      now,
    );
    return created;
  })();
  return roundDetail(repos, id);
}
