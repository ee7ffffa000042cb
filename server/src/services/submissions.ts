import type { PendingReview, Submission, SubmissionResponse } from '@zielmonitor/shared/schemas/submission';
import { STATUSES, type Status } from '@zielmonitor/shared/schemas/common';
import { notFound } from '../lib/errors.ts';
import type { Repositories } from '../repositories/index.ts';
import type { StoredGoalSubmission, StoredSubmission } from '../repositories/submissions.ts';
import type { User } from '@zielmonitor/shared/schemas/auth';
import { checkDecision, type Decision } from './decisions.ts';
import { actorOf, mayDecide, mayReport, mayReportIndicator, responsibilityToday, type Actor } from './permissions.ts';
import { toReadingSubmission } from './reading-submission-view.ts';
import { decideReadingSubmission } from './reading-submissions.ts';
import {
  checkEffectiveDate,
  conflictFor,
  outcome,
  publish,
  StatusConflictError,
  bump,
  type PublicWrite,
  type WriteContext,
} from './status-updates.ts';
import { noticeOfStatusWrite } from './notices.ts';

const isStatus = (value: string | undefined): value is Status => (STATUSES as readonly string[]).includes(value ?? '');

/** A stored submission as the API shows it, with whether this user may decide it. */
export const toSubmission = (repos: Repositories, s: StoredSubmission, actor: Actor | null): Submission =>
  s.subject === 'goal' ? toGoalSubmission(repos, s, actor) : toReadingSubmission(repos, s, actor);

function toGoalSubmission(repos: Repositories, s: StoredGoalSubmission, actor: Actor | null): Submission {
  const goal = repos.statusWrites.goalForUpdate(s.goalId);
  const canDecide =
    actor !== null && goal !== undefined && s.state === 'pending'
      ? mayDecide(actor, responsibilityToday(repos, goal), s.submittedBy)
      : false;
  return {
    id: s.id,
    about: {
      type: 'goal',
      id: s.goalId,
      title: s.goalTitle,
      revision: goal?.revision ?? 0,
      path: `/ziele/${encodeURIComponent(s.goalId)}`,
    },
    kind: s.kind,
    targetId: s.targetEventId,
    status: isStatus(s.payload.status) ? s.payload.status : null,
    progress: s.payload.progress ?? null,
    effectiveDate: s.payload.effectiveDate ?? null,
    reading: null,
    note: s.payload.note === undefined || s.payload.note === '' ? null : s.payload.note,
    evidence: { url: s.payload.evidence?.url ?? null, reference: s.payload.evidence?.reference ?? null },
    reason: s.payload.reason ?? null,
    reporter: s.reporter,
    submittedAt: s.submittedAt,
    state: s.state,
    decidedBy: s.decidedBy,
    decidedAt: s.decidedAt,
    decisionReason: s.decisionReason,
    releasedId: s.releasedEventId,
    canDecide,
    mine: actor?.user.id === s.submittedBy,
  };
}

/** The submitted write, checked again against the record as it is now. */
function replay(repos: Repositories, s: StoredGoalSubmission): PublicWrite {
  const p = s.payload;
  const report = () => {
    if (!isStatus(p.status) || p.effectiveDate === undefined) throw new Error(`submission ${s.id} has no report`);
    return {
      status: p.status,
      progress: p.progress ?? null,
      effectiveDate: p.effectiveDate,
      note: p.note ?? '',
      evidence: {
        ...(p.evidence?.url && { url: p.evidence.url }),
        ...(p.evidence?.reference && { reference: p.evidence.reference }),
      },
    };
  };
  if (s.kind === 'report') return { kind: 'report', body: { ...report(), track: 'official' } };
  const target = s.targetEventId === null ? undefined : repos.statusWrites.event(s.targetEventId);
  if (!target) throw new Error(`submission ${s.id} has no report to supersede`);
  if (target.supersededAt !== null) {
    throw new StatusConflictError(
      conflictFor(repos, s.goalId, repos.statusWrites.goalForUpdate(s.goalId)?.revision ?? 0),
      'Die Meldung, die hier berichtigt oder zurückgenommen werden soll, wurde inzwischen schon berichtigt oder zurückgenommen. Bitte geben Sie diese Einreichung zurück.',
    );
  }
  const reason = p.reason ?? '';
  return s.kind === 'correction'
    ? { kind: 'correction', target, body: { ...report(), reason } }
    : { kind: 'withdrawal', target, body: { reason } };
}

/**
 * A second person releases a submission into the public record, or returns it with a reason —
 * a goal's report here, an indicator's reading in reading-submissions.ts, by the same rules.
 */
export function decideSubmission(ctx: WriteContext, id: number, decision: Decision): SubmissionResponse {
  return ctx.db
    .transaction((): SubmissionResponse => {
      const submission = ctx.repos.submissions.get(id);
      if (!submission) throw notFound(`Einreichung ${id} nicht gefunden`);
      return submission.subject === 'goal'
        ? decideGoalSubmission(ctx, submission, decision)
        : decideReadingSubmission(ctx, submission, decision);
    })
    .immediate();
}

/**
 * Nobody decides their own. The released report is the submitter's, entered at the release: "as
 * known at" means "as published by". Conflict-safe through the goal's revision, and audited.
 */
function decideGoalSubmission(ctx: WriteContext, submission: StoredGoalSubmission, decision: Decision) {
  const { repos, user, now, ip } = ctx;
  const id = submission.id;
  const goal = repos.statusWrites.goalForUpdate(submission.goalId);
  if (!goal) throw notFound(`Ziel „${submission.goalId}“ nicht gefunden`);
  const actor = actorOf(repos, user);
  checkDecision(user, submission, mayDecide(actor, responsibilityToday(repos, goal), submission.submittedBy));
  if (goal.revision !== decision.expectedRevision) {
    throw new StatusConflictError(conflictFor(repos, goal.id, decision.expectedRevision));
  }
  let releasedEventId: number | null = null;
  const revision = bump(repos, goal);
  if (decision.release) {
    const write = replay(repos, submission);
    if (write.kind !== 'withdrawal') checkEffectiveDate(goal, write.body.effectiveDate);
    releasedEventId = publish(
      repos,
      goal,
      revision,
      write,
      { userId: submission.submittedBy, reporter: submission.reporter, organisation: null },
      { recordedAt: now.toISOString(), releasedBy: user.id },
    );
    // Released: now it is public, and subscribers hear of it.
    ctx.notify(noticeOfStatusWrite(repos, write.kind, outcome(repos, goal.id, revision, releasedEventId).event));
  }
  const decided = repos.submissions.decide({
    id,
    state: decision.release ? 'released' : 'returned',
    decidedBy: user.id,
    decidedAt: now.toISOString(),
    reason: decision.release ? null : decision.reason,
    releasedEventId,
  });
  if (!decided) throw new Error(`submission ${id} was decided inside the transaction`);
  const after = repos.submissions.get(id);
  if (!after) throw new Error(`submission ${id} vanished`);
  repos.audit.append(
    {
      actorId: user.id,
      actor: user.email,
      action: decision.release ? 'submission.release' : 'submission.return',
      entityType: 'goal',
      entityId: goal.id,
      ip,
      before: { revision: goal.revision, submission: { id, state: 'pending' } },
      after: {
        revision,
        submission: { id, state: after.state, reason: after.decisionReason },
        ...(releasedEventId !== null && { event: outcome(repos, goal.id, revision, releasedEventId).event }),
      },
    },
    now,
  );
  return { revision, submission: toSubmission(repos, after, actor) };
}

/** Reports waiting for release on a goal: the count for everyone, the reports themselves for those responsible. */
export function goalReview(
  repos: Repositories,
  user: User | null,
  goal: { id: string; leadRessort: string | null; coRessorts: string[] },
): PendingReview {
  const pending = repos.submissions.pendingCount({ goal: goal.id });
  if (!user || pending === 0) return { pending, submissions: [] };
  const actor = actorOf(repos, user);
  if (user.role !== 'admin' && !mayReport(actor, responsibilityToday(repos, goal))) return { pending, submissions: [] };
  return {
    pending,
    submissions: repos.submissions.list('pending', { goal: goal.id }).map((s) => toSubmission(repos, s, actor)),
  };
}

/** Whether a user sees a submission in the list of releases: the administration all, others their Ressorts'. */
export function visibleTo(repos: Repositories, user: User, s: StoredSubmission): boolean {
  if (user.role === 'admin') return true;
  if (s.subject === 'indicator') return mayReportIndicator(repos, user, s.indicatorId);
  const goal = repos.statusWrites.goalForUpdate(s.goalId);
  return goal !== undefined && mayReport(actorOf(repos, user), responsibilityToday(repos, goal));
}
