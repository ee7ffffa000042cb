import { ReadingSubmissionPayload } from '@zielmonitor/shared/schemas/indicator-write';
import type { SubmissionResponse } from '@zielmonitor/shared/schemas/submission';
import { AppError, notFound } from '../lib/errors.ts';
import { NOW } from '../repositories/current-status-sql.ts';
import type { Repositories } from '../repositories/index.ts';
import type { IndicatorRow } from '../repositories/indicator-rows.ts';
import type { StoredReadingSubmission } from '../repositories/submissions.ts';
import { checkDecision, type Decision } from './decisions.ts';
import {
  publishReading,
  readingConflict,
  shownReading,
  valueProblem,
  type ReadingWrite,
} from './indicator-readings.ts';
import { actorOf, mayDecideIndicator } from './permissions.ts';
import { noticeOfReading } from './notices.ts';
import { toReadingSubmission } from './reading-submission-view.ts';
import { reporterName, type WriteContext } from './status-updates.ts';

/**
 * Four-eyes release of indicator readings: a controller's reading, correction or withdrawal waits
 * here until a second person releases it into indicator_readings — entered at the release, so "as
 * known at" means "as published" — or returns it with a reason.
 */

/** Stores a reading write as a submission (inside the write's transaction) and audits it. */
export function submitReading(
  ctx: WriteContext,
  indicator: IndicatorRow,
  expectedRevision: number,
  revision: number,
  write: ReadingWrite,
): SubmissionResponse {
  const { repos, user, now, ip } = ctx;
  const payload: ReadingSubmissionPayload = {
    ...(write.kind !== 'withdrawal' && { reading: write.reading }),
    ...(write.kind !== 'report' && { reason: write.reason }),
  };
  const id = repos.submissions.insertForIndicator({
    indicatorId: indicator.id,
    kind: write.kind,
    targetReadingId: write.kind === 'report' ? null : write.target.id,
    payload,
    reporter: reporterName(user),
    submittedBy: user.id,
    submittedAt: now.toISOString(),
  });
  const stored = repos.submissions.get(id);
  if (stored?.subject !== 'indicator') throw new Error(`submission ${id} not found after writing it`);
  repos.audit.append(
    {
      actorId: user.id,
      actor: user.email,
      action: 'indicator.reading.submit',
      entityType: 'indicator',
      entityId: indicator.id,
      ip,
      before: { revision: expectedRevision, ...(write.kind !== 'report' && { reading: write.target }) },
      after: { revision, submission: { id, kind: write.kind, ...payload } },
    },
    now,
  );
  return { revision, submission: toReadingSubmission(repos, stored, actorOf(repos, user)) };
}

/** A release that the record no longer allows: the submission should be returned instead. */
const noLongerValid = (field: string, message: string) =>
  new AppError(
    409,
    'NO_LONGER_VALID',
    `Dieser Messwert kann so nicht mehr freigegeben werden: ${message}. Bitte geben Sie die Einreichung mit diesem Grund zurück.`,
    [{ location: 'submission', field, message }],
  );

/** The submitted write, checked again by the same rules against the indicator as it is now. */
function replay(repos: Repositories, s: StoredReadingSubmission, indicator: IndicatorRow): ReadingWrite {
  const parsed = ReadingSubmissionPayload.safeParse(s.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw noLongerValid(issue?.path.join('.') ?? 'reading', issue?.message ?? 'ungültig');
  }
  const { reading, reason = '' } = parsed.data;
  if (reading) {
    const problem = valueProblem(indicator.unit, reading.value);
    if (problem !== null) throw noLongerValid('reading.value', problem);
  }
  if (s.kind === 'report') {
    if (!reading) throw new Error(`submission ${s.id} has no reading`);
    return { kind: 'report', track: 'official', reading };
  }
  const target = s.targetReadingId === null ? undefined : repos.indicators.reading(s.targetReadingId, NOW);
  if (!target) throw new Error(`submission ${s.id} has no reading to supersede`);
  if (repos.indicatorWrites.isSuperseded(target.id)) {
    throw new AppError(
      409,
      'ALREADY_SUPERSEDED',
      'Der Messwert, der hier berichtigt oder zurückgezogen werden soll, wurde inzwischen schon berichtigt oder zurückgezogen. Bitte geben Sie diese Einreichung zurück.',
    );
  }
  if (s.kind === 'withdrawal') return { kind: 'withdrawal', target, reason };
  if (!reading) throw new Error(`submission ${s.id} has no corrected value`);
  return { kind: 'correction', target, reason, reading };
}

/**
 * Releases a reading submission into the public record, or returns it (called inside the decision's
 * transaction). The released reading is the submitter's, entered at the release. Conflict-safe
 * through the indicator's revision, and audited.
 */
export function decideReadingSubmission(
  ctx: WriteContext,
  submission: StoredReadingSubmission,
  decision: Decision,
): SubmissionResponse {
  const { repos, user, now, ip } = ctx;
  const { id } = submission;
  const indicator = repos.indicators.get(submission.indicatorId);
  if (!indicator) throw notFound(`Kennzahl „${submission.indicatorId}“ nicht gefunden`);
  const actor = actorOf(repos, user);
  checkDecision(user, submission, mayDecideIndicator(repos, actor, indicator.id, submission.submittedBy));
  if (indicator.revision !== decision.expectedRevision) throw readingConflict();
  const write = decision.release ? replay(repos, submission, indicator) : null;
  if (!repos.indicatorWrites.bump(indicator.id, decision.expectedRevision, now.toISOString())) throw readingConflict();
  const revision = decision.expectedRevision + 1;
  const releasedReadingId =
    write &&
    publishReading(
      repos,
      indicator.id,
      revision,
      write,
      { userId: submission.submittedBy, reporter: submission.reporter, organisation: null },
      { recordedAt: now.toISOString(), releasedBy: user.id },
    );
  if (write && releasedReadingId !== null) {
    // Released: now it is public, and subscribers hear of it.
    const kind = write.kind === 'report' ? 'reading' : write.kind;
    ctx.notify(noticeOfReading(repos, shownReading(repos, indicator.id, releasedReadingId), kind));
  }
  const decided = repos.submissions.decide({
    id,
    state: decision.release ? 'released' : 'returned',
    decidedBy: user.id,
    decidedAt: now.toISOString(),
    reason: decision.release ? null : decision.reason,
    releasedReadingId,
  });
  if (!decided) throw new Error(`submission ${id} was decided inside the transaction`);
  const after = repos.submissions.get(id);
  if (after?.subject !== 'indicator') throw new Error(`submission ${id} vanished`);
  repos.audit.append(
    {
      actorId: user.id,
      actor: user.email,
      action: decision.release ? 'indicator.reading.release' : 'indicator.reading.return',
      entityType: 'indicator',
      entityId: indicator.id,
      ip,
      before: { revision: decision.expectedRevision, submission: { id, state: 'pending', kind: submission.kind } },
      after: {
        revision,
        submission: { id, state: after.state, kind: submission.kind, reason: after.decisionReason },
        ...(releasedReadingId !== null && { reading: shownReading(repos, indicator.id, releasedReadingId) }),
      },
    },
    now,
  );
  return { revision, submission: toReadingSubmission(repos, after, actor) };
}
