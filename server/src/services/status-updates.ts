import type { User } from '@zielmonitor/shared/schemas/auth';
import type { CurrentStatus } from '@zielmonitor/shared/schemas/goal';
import type { StatusEvent } from '@zielmonitor/shared/schemas/status-event';
import type {
  StatusConflict,
  StatusCorrectionBody,
  StatusUpdateBody,
  StatusUpdateResponse,
  StatusWithdrawalBody,
} from '@zielmonitor/shared/schemas/status-update';
import { formatDate } from '@zielmonitor/shared/time/format';
import { AppError, notFound } from '../lib/errors.ts';
import type { Db } from '../db/database.ts';
import type { Repositories } from '../repositories/index.ts';
import type { EventForCorrection, GoalForUpdate } from '../repositories/status-writes.ts';
import { canCorrect, canReportFor } from './auth.ts';
import { consume, LIMITS } from './limits.ts';

export class StatusConflictError extends AppError {
  constructor(conflict: StatusConflict, message?: string) {
    super(
      409,
      'CONFLICT',
      message ??
        'Inzwischen wurde ein neuerer Stand zu diesem Ziel gemeldet. Bitte prüfen Sie ihn und melden Sie dann erneut.',
      undefined,
      conflict,
    );
  }
}

export const forbidden = () => new AppError(403, 'FORBIDDEN', 'Dieses Ziel gehört nicht zu Ihren Ressorts.');

const reporterName = (user: User) =>
  user.role === 'admin' ? `${user.name} (Administration)` : `${user.name} (${user.ressorts.join(', ')})`;

type WriteContext = { db: Db; repos: Repositories; user: User; ip: string; now: Date };

/** The goal, checked for existence, the user's Ressorts and the revision the form was based on. */
function goalForWrite(ctx: WriteContext, goalId: string, expectedRevision: number): GoalForUpdate {
  const goal = ctx.repos.statusWrites.goalForUpdate(goalId);
  if (!goal) throw notFound(`Ziel „${goalId}“ nicht gefunden`);
  if (!canReportFor(ctx.user, goal.ressorts)) throw forbidden();
  if (goal.revision !== expectedRevision)
    throw new StatusConflictError(conflictFor(ctx.repos, goalId, expectedRevision));
  // Counted in the write's transaction: a write that fails (conflict, lock) uses none of the quota.
  consume(ctx.db, ctx.repos, [{ limit: LIMITS.statusReportsPerAccount, key: String(ctx.user.id) }], ctx.now);
  return goal;
}

function conflictFor(repos: Repositories, goalId: string, since: number): StatusConflict {
  const goal = repos.statusWrites.goalForUpdate(goalId);
  const changed = repos.statusWrites.changedSince(goalId, since);
  const history = repos.goals.history(goalId);
  return {
    revision: goal?.revision ?? since,
    official: repos.goals.describe(goalId)?.official ?? null,
    eventsSince: [...history.official, ...history.independent].filter((e) => changed.has(e.id)),
  };
}

/** A report may not take effect before its strategy was presented. */
function checkEffectiveDate(goal: GoalForUpdate, effectiveDate: string): void {
  if (effectiveDate < goal.presentedOn) {
    const message = `liegt vor der Vorstellung der Strategie am ${formatDate(goal.presentedOn, 'de')}`;
    throw new AppError(400, 'VALIDATION_ERROR', `Gilt ab: ${message}`, [
      { location: 'body', field: 'effectiveDate', message },
    ]);
  }
}

/** The report that was just written or withdrawn, labelled, and what its track's status is now. */
function outcome(repos: Repositories, goalId: string, revision: number, eventId: number): StatusUpdateResponse {
  const history = repos.goals.history(goalId);
  const event: StatusEvent | undefined = [...history.official, ...history.independent].find((e) => e.id === eventId);
  if (!event) throw new Error(`event ${eventId} not found after writing it`);
  // Histories are newest first: the first report nobody superseded is the current one.
  const currentEvent = history[event.track].find((e) => e.supersededBy === null);
  const current: CurrentStatus | null = repos.goals.describe(goalId)?.[event.track] ?? null;
  return { goalId, revision, event, current, becameCurrent: currentEvent?.id === eventId };
}

function insertReport(
  ctx: WriteContext,
  goal: GoalForUpdate,
  body: StatusUpdateBody | StatusCorrectionBody,
  track: StatusEvent['track'],
): number {
  return ctx.repos.statusWrites.insertEvent({
    goalId: goal.id,
    status: body.status,
    progress: body.progress ?? null,
    effectiveDate: body.effectiveDate,
    effectiveDatePrecision: 'day',
    effectiveDateWording: null,
    recordedAt: ctx.now.toISOString(),
    reporter: reporterName(ctx.user),
    track,
    originalWording: null,
    note: body.note === '' ? null : body.note,
    evidenceUrl: body.evidence.url ?? null,
    evidenceReference: body.evidence.reference ?? null,
    goalRevision: goal.revision + 1,
    reportedByUserId: ctx.user.id,
  });
}

function bump(ctx: WriteContext, goal: GoalForUpdate): void {
  if (!ctx.repos.statusWrites.bumpRevision(goal.id, goal.revision)) {
    throw new Error('revision moved inside the transaction');
  }
}

/**
 * Records an official status report: authorization, the revision check, the event, the new
 * revision and the audit entry happen in one transaction, so two controllers reporting at
 * once never lose an update silently.
 */
export function recordStatusUpdate(
  db: Db,
  repos: Repositories,
  user: User,
  goalId: string,
  body: StatusUpdateBody,
  ip: string,
  now = new Date(),
): StatusUpdateResponse {
  const ctx: WriteContext = { db, repos, user, ip, now };
  return db
    .transaction(() => {
      const goal = goalForWrite(ctx, goalId, body.expectedRevision);
      checkEffectiveDate(goal, body.effectiveDate);
      const before = repos.goals.describe(goalId)?.official ?? null;
      bump(ctx, goal);
      const eventId = insertReport(ctx, goal, body, 'official');
      const result = outcome(repos, goalId, goal.revision + 1, eventId);
      repos.audit.append(
        {
          actorId: user.id,
          actor: user.email,
          action: 'status.report',
          entityType: 'goal',
          entityId: goalId,
          ip,
          before: { revision: goal.revision, official: before },
          after: { revision: goal.revision + 1, event: result.event },
        },
        now,
      );
      return result;
    })
    .immediate();
}

/** The report to be superseded: of this goal, not superseded yet, and one the user may correct. */
function eventToSupersede(ctx: WriteContext, goal: GoalForUpdate, eventId: number): EventForCorrection {
  const event = ctx.repos.statusWrites.event(eventId);
  if (!event || event.goalId !== goal.id) throw notFound(`Meldung ${eventId} zu Ziel „${goal.id}“ nicht gefunden`);
  if (!canCorrect(ctx.user, goal.ressorts, event.track)) {
    throw new AppError(
      403,
      'FORBIDDEN',
      'Unabhängige Einschätzungen kann nur berichtigen, wer sie abgegeben hat, oder die Administration.',
    );
  }
  if (event.supersededAt !== null) {
    throw new StatusConflictError(
      conflictFor(ctx.repos, goal.id, goal.revision),
      `Diese Meldung wurde am ${formatDate(event.supersededAt, 'de')} bereits berichtigt oder zurückgezogen.`,
    );
  }
  return event;
}

/**
 * Corrects a report: a new report that supersedes it, with the reason. The history stays
 * append-only; from now on the corrected report counts nowhere, as known before it still does.
 */
export function correctStatusEvent(
  db: Db,
  repos: Repositories,
  user: User,
  goalId: string,
  eventId: number,
  body: StatusCorrectionBody,
  ip: string,
  now = new Date(),
): StatusUpdateResponse {
  const ctx: WriteContext = { db, repos, user, ip, now };
  return db
    .transaction(() => {
      const goal = goalForWrite(ctx, goalId, body.expectedRevision);
      const superseded = eventToSupersede(ctx, goal, eventId);
      checkEffectiveDate(goal, body.effectiveDate);
      bump(ctx, goal);
      const replacementId = insertReport(ctx, goal, body, superseded.track);
      repos.statusWrites.insertSupersession({
        supersededEventId: superseded.id,
        kind: 'correction',
        replacementEventId: replacementId,
        reason: body.reason,
        recordedAt: now.toISOString(),
        reporter: reporterName(user),
        userId: user.id,
        goalRevision: goal.revision + 1,
      });
      const result = outcome(repos, goalId, goal.revision + 1, replacementId);
      repos.audit.append(
        {
          actorId: user.id,
          actor: user.email,
          action: 'status.correct',
          entityType: 'goal',
          entityId: goalId,
          ip,
          before: { revision: goal.revision, event: superseded },
          after: { revision: goal.revision + 1, reason: body.reason, event: result.event },
        },
        now,
      );
      return result;
    })
    .immediate();
}

/** Withdraws a report without a replacement: the goal falls back to the status before it. */
export function withdrawStatusEvent(
  db: Db,
  repos: Repositories,
  user: User,
  goalId: string,
  eventId: number,
  body: StatusWithdrawalBody,
  ip: string,
  now = new Date(),
): StatusUpdateResponse {
  const ctx: WriteContext = { db, repos, user, ip, now };
  return db
    .transaction(() => {
      const goal = goalForWrite(ctx, goalId, body.expectedRevision);
      const withdrawn = eventToSupersede(ctx, goal, eventId);
      bump(ctx, goal);
      repos.statusWrites.insertSupersession({
        supersededEventId: withdrawn.id,
        kind: 'withdrawal',
        replacementEventId: null,
        reason: body.reason,
        recordedAt: now.toISOString(),
        reporter: reporterName(user),
        userId: user.id,
        goalRevision: goal.revision + 1,
      });
      const result = outcome(repos, goalId, goal.revision + 1, withdrawn.id);
      repos.audit.append(
        {
          actorId: user.id,
          actor: user.email,
          action: 'status.withdraw',
          entityType: 'goal',
          entityId: goalId,
          ip,
          before: { revision: goal.revision, event: withdrawn },
          after: { revision: goal.revision + 1, reason: body.reason, current: result.current },
        },
        now,
      );
      return result;
    })
    .immediate();
}
