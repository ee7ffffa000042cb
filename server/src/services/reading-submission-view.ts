import type { User } from '@zielmonitor/shared/schemas/auth';
import { ReadingSubmissionPayload, type CheckedReading } from '@zielmonitor/shared/schemas/indicator-write';
import type { PendingReview, Submission, SubmittedValue } from '@zielmonitor/shared/schemas/submission';
import { countingDay, precisionOf } from '@zielmonitor/shared/time/partial-date';
import { NOW } from '../repositories/current-status-sql.ts';
import type { Repositories } from '../repositories/index.ts';
import type { ReadingRow } from '../repositories/indicator-rows.ts';
import type { StoredReadingSubmission } from '../repositories/submissions.ts';
import { actorOf, mayDecideIndicator, mayReportIndicator, type Actor } from './permissions.ts';

/** Reading submissions as the API shows them: what was submitted, in the indicator's unit, and who may decide. */

const submittedValue = (r: CheckedReading): SubmittedValue => ({
  value: r.value,
  qualifier: r.qualifier,
  date: countingDay(r.date),
  datePrecision: precisionOf(r.date),
  dateWording: r.dateWording || null,
  valueWording: r.valueWording || null,
});

const recordedValue = (r: ReadingRow): SubmittedValue => ({
  value: r.value,
  qualifier: r.qualifier,
  date: r.date,
  datePrecision: r.datePrecision,
  dateWording: r.dateWording,
  valueWording: r.valueWording,
});

/** A reading submission as the API shows it, with whether this user may decide it. */
export function toReadingSubmission(repos: Repositories, s: StoredReadingSubmission, actor: Actor | null): Submission {
  const indicator = repos.indicators.get(s.indicatorId);
  const parsed = ReadingSubmissionPayload.safeParse(s.payload);
  const payload = parsed.success ? parsed.data : {};
  const target = s.targetReadingId === null ? undefined : repos.indicators.reading(s.targetReadingId, NOW);
  const canDecide =
    actor !== null && s.state === 'pending' && mayDecideIndicator(repos, actor, s.indicatorId, s.submittedBy);
  return {
    id: s.id,
    about: {
      type: 'indicator',
      id: s.indicatorId,
      title: s.indicatorName,
      revision: indicator?.revision ?? 0,
      path: `/kennzahlen/${encodeURIComponent(s.indicatorId)}`,
    },
    kind: s.kind,
    targetId: s.targetReadingId,
    status: null,
    progress: null,
    effectiveDate: null,
    reading: {
      unit: indicator?.unit ?? 'count',
      unitSingular: indicator?.unit_singular ?? null,
      unitPlural: indicator?.unit_plural ?? null,
      value: payload.reading ? submittedValue(payload.reading) : null,
      target: target ? recordedValue(target) : null,
    },
    note: payload.reading?.note || null,
    evidence: { url: payload.reading?.evidence.url ?? null, reference: payload.reading?.evidence.reference ?? null },
    reason: payload.reason ?? null,
    reporter: s.reporter,
    submittedAt: s.submittedAt,
    state: s.state,
    decidedBy: s.decidedBy,
    decidedAt: s.decidedAt,
    decisionReason: s.decisionReason,
    releasedId: s.releasedReadingId,
    canDecide,
    mine: actor?.user.id === s.submittedBy,
  };
}

/** Readings waiting for release on an indicator: the count for everyone, which ones for those who may report or decide. */
export function indicatorReview(repos: Repositories, user: User | null, indicatorId: string): PendingReview {
  const pending = repos.submissions.pendingCount({ indicator: indicatorId });
  if (!user || pending === 0) return { pending, submissions: [] };
  if (user.role !== 'admin' && !mayReportIndicator(repos, user, indicatorId)) return { pending, submissions: [] };
  const actor = actorOf(repos, user);
  return {
    pending,
    submissions: repos.submissions
      .list('pending', { indicator: indicatorId })
      .flatMap((s) => (s.subject === 'indicator' ? [toReadingSubmission(repos, s, actor)] : [])),
  };
}
