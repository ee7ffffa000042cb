import type { User } from '@zielmonitor/shared/schemas/auth';
import type { CurrentStatus, Responsibility } from '@zielmonitor/shared/schemas/goal';
import type { StatusEvent } from '@zielmonitor/shared/schemas/status-event';
import type {
  StatusConflict,
  StatusCorrectionBody,
  StatusUpdateBody,
  StatusUpdateResponse,
  StatusWithdrawalBody,
} from '@zielmonitor/shared/schemas/status-update';
import type { SubmissionResponse } from '@zielmonitor/shared/schemas/submission';
import { formatDate } from '@zielmonitor/shared/time/format';
import { AppError, notFound } from '../lib/errors.ts';
import type { Db } from '../db/database.ts';
import type { Repositories } from '../repositories/index.ts';
import type { EventForCorrection, GoalForUpdate } from '../repositories/status-writes.ts';
import type { SubmissionKind } from '@zielmonitor/shared/schemas/submission';
import type { SubmissionPayload } from '../repositories/submissions.ts';
import { actorOf, mayAssess, mayCorrect, mayReport, mayWrite, responsibilityToday, type Actor } from './permissions.ts';
import type { Notify } from './notices.ts';
import { noticeOfStatusWrite } from './notices.ts';
import { toSubmission } from './submissions.ts';
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

export const forbidden = () => new AppError(403, 'FORBIDDEN', 'Für dieses Ziel ist keines Ihrer Ressorts zuständig.');

/**
 * Who an entry names as its reporter: the person and their Ressort or the administration; for an
 * independent assessment the organisation alone — it speaks for the organisation, and the names of
 * its staff are not published (the audit log keeps who wrote it).
 */
export const reporterName = (user: User) =>
  user.role === 'assessor' && user.organisation !== null
    ? user.organisation
    : user.role === 'admin'
      ? `${user.name} (Administration)`
      : `${user.name} (${user.ressorts.join(', ')})`;

/** Who a write is by and when it enters the public record; released writes name the second person. */
export type Author = { userId: number; reporter: string; organisation: string | null };
type Publication = { recordedAt: string; releasedBy: number | null };

export type WriteContext = {
  db: Db;
  repos: Repositories;
  user: User;
  ip: string;
  now: Date;
  /** Whether government reports wait for a second person's release. */
  reviewRequired: boolean;
  /** Tells subscribers about what entered the public record, inside the write's transaction. */
  notify: Notify;
};

type CheckedGoal = { goal: GoalForUpdate; responsibility: Responsibility; actor: Actor };

/** A write on the wrong track: the government and the independent voices each keep to their own. */
export const wrongTrack = (actor: Actor) =>
  new AppError(
    403,
    'WRONG_TRACK',
    mayAssess(actor)
      ? `Sie schreiben für ${actor.user.organisation ?? 'Ihre Organisation'} unabhängige Einschätzungen. Meldungen der Landesregierung geben die Ministerien ab.`
      : 'Unabhängige Einschätzungen schreiben Organisationen wie Fraktionen und Presse mit eigenem Konto, nicht die Landesregierung oder die Administration.',
  );

/** Whether the user may write on a goal at all: the government's track, or the independent one. */
export const mayWriteOnGoal = (actor: Actor, responsibility: Responsibility) =>
  mayReport(actor, responsibility) || mayAssess(actor) || actor.user.role === 'admin';

/**
 * The goal, checked for existence, for the user's right to write on it today (`track` for a new
 * report; a correction's track is the corrected entry's, checked with it) and for the revision the
 * form was based on.
 */
function goalForWrite(
  ctx: WriteContext,
  goalId: string,
  expectedRevision: number,
  track: StatusEvent['track'] | null,
): CheckedGoal {
  const goal = ctx.repos.statusWrites.goalForUpdate(goalId);
  if (!goal) throw notFound(`Ziel „${goalId}“ nicht gefunden`);
  const responsibility = responsibilityToday(ctx.repos, goal);
  const actor = actorOf(ctx.repos, ctx.user);
  if (!mayWriteOnGoal(actor, responsibility)) throw forbidden();
  if (track !== null && !mayWrite(actor, responsibility, track))
    throw track === 'official' && !mayAssess(actor) ? forbidden() : wrongTrack(actor);
  if (goal.revision !== expectedRevision)
    throw new StatusConflictError(conflictFor(ctx.repos, goalId, expectedRevision));
  // Counted in the write's transaction: a write that fails (conflict, lock) uses none of the quota.
  consume(ctx.db, ctx.repos, [{ limit: LIMITS.statusReportsPerAccount, key: String(ctx.user.id) }], ctx.now);
  return { goal, responsibility, actor };
}

export function conflictFor(repos: Repositories, goalId: string, since: number): StatusConflict {
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
export function checkEffectiveDate(goal: GoalForUpdate, effectiveDate: string): void {
  if (effectiveDate < goal.presentedOn) {
    const message = `liegt vor der Vorstellung der Strategie am ${formatDate(goal.presentedOn, 'de')}`;
    throw new AppError(400, 'VALIDATION_ERROR', `Gilt ab: ${message}`, [
      { location: 'body', field: 'effectiveDate', message },
    ]);
  }
}

/** A corrected independent assessment, like a new one, states its reasons and evidence. */
function checkAssessment(body: StatusCorrectionBody): void {
  const issues = [
    ...(body.note === ''
      ? [{ location: 'body', field: 'note', message: 'Eine unabhängige Einschätzung braucht eine Begründung' }]
      : []),
    ...(!body.evidence.url && !body.evidence.reference
      ? [
          {
            location: 'body',
            field: 'evidence.url',
            message: 'Eine unabhängige Einschätzung braucht einen Beleg: Web-Adresse oder Drucksache',
          },
        ]
      : []),
  ];
  if (issues.length > 0)
    throw new AppError(
      400,
      'VALIDATION_ERROR',
      `Ungültige Anfrage – ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
      issues,
    );
}

/** The report to be superseded: of this goal, not superseded yet, none waiting, and one the user may correct. */
function eventToSupersede(ctx: WriteContext, checked: CheckedGoal, eventId: number): EventForCorrection {
  const { goal, responsibility, actor } = checked;
  const event = ctx.repos.statusWrites.event(eventId);
  if (!event || event.goalId !== goal.id) throw notFound(`Meldung ${eventId} zu Ziel „${goal.id}“ nicht gefunden`);
  if (!mayCorrect(actor, responsibility, event)) {
    if (event.track === 'official') throw mayAssess(actor) ? wrongTrack(actor) : forbidden();
    throw new AppError(
      403,
      'FORBIDDEN',
      'Unabhängige Einschätzungen kann nur die Organisation berichtigen oder zurücknehmen, die sie abgegeben hat, oder die Administration.',
    );
  }
  if (event.supersededAt !== null) {
    throw new StatusConflictError(
      conflictFor(ctx.repos, goal.id, goal.revision),
      `Diese Meldung wurde am ${formatDate(event.supersededAt, 'de')} bereits berichtigt oder zurückgenommen.`,
    );
  }
  if (ctx.repos.submissions.targetPending(event.id)) {
    throw new StatusConflictError(
      conflictFor(ctx.repos, goal.id, goal.revision),
      'Eine Berichtigung oder Rücknahme dieser Meldung wartet bereits auf Freigabe.',
    );
  }
  return event;
}

/** The report that was just written or withdrawn, labelled, and what its track's status is now. */
export function outcome(repos: Repositories, goalId: string, revision: number, eventId: number): StatusUpdateResponse {
  const history = repos.goals.history(goalId);
  const event: StatusEvent | undefined = [...history.official, ...history.independent].find((e) => e.id === eventId);
  if (!event) throw new Error(`event ${eventId} not found after writing it`);
  // Histories are newest first: the first report nobody superseded is the current one.
  const currentEvent = history[event.track].find((e) => e.supersededBy === null);
  const current: CurrentStatus | null = repos.goals.describe(goalId)?.[event.track] ?? null;
  return { goalId, revision, event, current, becameCurrent: currentEvent?.id === eventId };
}

export function bump(repos: Repositories, goal: GoalForUpdate): number {
  if (!repos.statusWrites.bumpRevision(goal.id, goal.revision))
    throw new Error('revision moved inside the transaction');
  return goal.revision + 1;
}

/** The write as it enters the public record — directly, or when a second person releases it. */
export type PublicWrite =
  | { kind: 'report'; body: Omit<StatusUpdateBody, 'expectedRevision'> }
  | {
      kind: 'correction';
      target: EventForCorrection;
      body: Omit<StatusCorrectionBody, 'expectedRevision'>;
    }
  | { kind: 'withdrawal'; target: EventForCorrection; body: Omit<StatusWithdrawalBody, 'expectedRevision'> };

/** Writes a report, correction or withdrawal into the public record; answers the report it is about. */
export function publish(
  repos: Repositories,
  goal: GoalForUpdate,
  revision: number,
  write: PublicWrite,
  author: Author,
  publication: Publication,
): number {
  const report = (
    body: Omit<StatusUpdateBody, 'expectedRevision' | 'track'>,
    track: StatusEvent['track'],
    organisation: string | null,
  ) =>
    repos.statusWrites.insertEvent({
      goalId: goal.id,
      status: body.status,
      progress: body.progress ?? null,
      effectiveDate: body.effectiveDate,
      effectiveDatePrecision: 'day',
      effectiveDateWording: null,
      recordedAt: publication.recordedAt,
      reporter: author.reporter,
      track,
      originalWording: null,
      note: body.note === '' ? null : body.note,
      evidenceUrl: body.evidence.url ?? null,
      evidenceReference: body.evidence.reference ?? null,
      goalRevision: revision,
      reportedByUserId: author.userId,
      releasedByUserId: publication.releasedBy,
      organisation: track === 'independent' ? organisation : null,
    });
  if (write.kind === 'report') return report(write.body, write.body.track, author.organisation);
  // A correction continues the corrected entry: an independent one stays its organisation's.
  const replacement =
    write.kind === 'correction' ? report(write.body, write.target.track, write.target.organisation) : null;
  repos.statusWrites.insertSupersession({
    supersededEventId: write.target.id,
    kind: write.kind,
    replacementEventId: replacement,
    reason: write.body.reason,
    recordedAt: publication.recordedAt,
    reporter: author.reporter,
    userId: author.userId,
    goalRevision: revision,
    releasedByUserId: publication.releasedBy,
  });
  return replacement ?? write.target.id;
}

const AUDIT_ACTIONS: Record<PublicWrite['kind'], string> = {
  report: 'status.report',
  correction: 'status.correct',
  withdrawal: 'status.withdraw',
};

/**
 * A government write: with review required it waits as a submission for a second person (202);
 * otherwise — and always for the independent track, which no ministry releases — it enters the
 * public record at once (201). Authorization, the revision check, the write, the new revision and
 * the audit entry happen in one transaction, so two writers at once never lose an update silently.
 */
function write(
  ctx: WriteContext,
  goalId: string,
  expectedRevision: number,
  reportTrack: StatusEvent['track'] | null,
  prepare: (checked: CheckedGoal) => PublicWrite,
): { status: 201; body: StatusUpdateResponse } | { status: 202; body: SubmissionResponse } {
  const { repos, user, now, ip } = ctx;
  return ctx.db
    .transaction(() => {
      const checked = goalForWrite(ctx, goalId, expectedRevision, reportTrack);
      const publicWrite = prepare(checked);
      const track = publicWrite.kind === 'report' ? publicWrite.body.track : publicWrite.target.track;
      const revision = bump(repos, checked.goal);
      const author: Author = { userId: user.id, reporter: reporterName(user), organisation: user.organisation };
      if (ctx.reviewRequired && track === 'official') {
        const payload: SubmissionPayload = publicWrite.body;
        const id = repos.submissions.insertForGoal({
          goalId,
          kind: publicWrite.kind satisfies SubmissionKind,
          targetEventId: publicWrite.kind === 'report' ? null : publicWrite.target.id,
          payload,
          reporter: author.reporter,
          submittedBy: user.id,
          submittedAt: now.toISOString(),
        });
        const stored = repos.submissions.get(id);
        if (!stored) throw new Error(`submission ${id} not found after writing it`);
        repos.audit.append(
          {
            actorId: user.id,
            actor: user.email,
            action: 'submission.submit',
            entityType: 'goal',
            entityId: goalId,
            ip,
            before: { revision: checked.goal.revision },
            after: { revision, submission: { id, kind: publicWrite.kind, ...payload } },
          },
          now,
        );
        return {
          status: 202 as const,
          body: { revision, submission: toSubmission(repos, stored, actorOf(repos, user)) },
        };
      }
      const before = repos.goals.describe(goalId)?.[track] ?? null;
      const eventId = publish(repos, checked.goal, revision, publicWrite, author, {
        recordedAt: now.toISOString(),
        releasedBy: null,
      });
      const result = outcome(repos, goalId, revision, eventId);
      ctx.notify(noticeOfStatusWrite(repos, publicWrite.kind, result.event));
      repos.audit.append(
        {
          actorId: user.id,
          actor: user.email,
          action: AUDIT_ACTIONS[publicWrite.kind],
          entityType: 'goal',
          entityId: goalId,
          ip,
          before: { revision: checked.goal.revision, status: before },
          after: {
            revision,
            event: result.event,
            ...('reason' in publicWrite.body && { reason: publicWrite.body.reason }),
          },
        },
        now,
      );
      return { status: 201 as const, body: result };
    })
    .immediate();
}

/** A new government status report. */
export const recordStatusUpdate = (ctx: WriteContext, goalId: string, body: StatusUpdateBody) =>
  write(ctx, goalId, body.expectedRevision, body.track, ({ goal }) => {
    checkEffectiveDate(goal, body.effectiveDate);
    return { kind: 'report', body };
  });

/**
 * Corrects a report: a new report that supersedes it, with the reason. The history stays
 * append-only; from now on the corrected report counts nowhere, as known before it still does.
 */
export const correctStatusEvent = (ctx: WriteContext, goalId: string, eventId: number, body: StatusCorrectionBody) =>
  write(ctx, goalId, body.expectedRevision, null, (checked) => {
    const target = eventToSupersede(ctx, checked, eventId);
    checkEffectiveDate(checked.goal, body.effectiveDate);
    if (target.track === 'independent') checkAssessment(body);
    return { kind: 'correction', target, body };
  });

/** Withdraws a report without a replacement: the goal falls back to the status before it. */
export const withdrawStatusEvent = (ctx: WriteContext, goalId: string, eventId: number, body: StatusWithdrawalBody) =>
  write(ctx, goalId, body.expectedRevision, null, (checked) => ({
    kind: 'withdrawal',
    target: eventToSupersede(ctx, checked, eventId),
    body,
  }));
