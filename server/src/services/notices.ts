import type { Reading } from '@zielmonitor/shared/schemas/indicator';
import type { Reply } from '@zielmonitor/shared/schemas/reply';
import type { StatusEvent } from '@zielmonitor/shared/schemas/status-event';
import { formatDate, formatNumber, formatStatedDate } from '@zielmonitor/shared/time/format';
import { STATUS_LABEL_DE, TRACK_LABELS, replyAuthorLabel } from '@zielmonitor/shared/vocabulary/labels';
import type { Repositories } from '../repositories/index.ts';
import { ressortsOf, responsibilityToday } from './permissions.ts';

/**
 * What subscribers are told about: a change to the public record, said once in German for a mail
 * and once as a line of the daily digest. Built where the change happens, inside its transaction.
 */
export type Notice = {
  /** The occasion, unique per change (`status:123`, `reply:7`): the same notice twice is one mail. */
  key: string;
  /** Whom it concerns: subscribers of these goals, indicators, Ressorts and strategy versions. */
  goalIds: string[];
  indicatorIds: string[];
  ressorts: string[];
  versions: string[];
  subject: string;
  title: string;
  paragraphs: string[];
  /** One line of the daily digest. */
  line: string;
  /** The page it is about. */
  path: string;
  occurredAt: string;
};

/** Hands a notice to the subscribers (no-op without mail); call inside the change's transaction. */
export type Notify = (notice: Notice) => void;
export const notifyNobody: Notify = () => {};

type GoalScope = Pick<Notice, 'goalIds' | 'indicatorIds' | 'ressorts' | 'versions'> & { title: string; path: string };

/** A goal's subscribers: the goal, its version, the strategy's Ressort and those responsible today. */
function goalScope(repos: Repositories, goalId: string): GoalScope {
  const goal = repos.goals.describe(goalId);
  const forUpdate = repos.statusWrites.goalForUpdate(goalId);
  const today = forUpdate ? ressortsOf(responsibilityToday(repos, forUpdate)) : [];
  return {
    goalIds: [goalId],
    indicatorIds: [],
    ressorts: [...new Set([...(goal?.leadRessort ? [goal.leadRessort] : []), ...today])],
    versions: goal ? [goal.version] : [],
    title: goal ? `Ziel ${goalId} „${goal.title}“` : `Ziel ${goalId}`,
    path: `/ziele/${encodeURIComponent(goalId)}`,
  };
}

const evidenceOf = (e: { url: string | null; reference: string | null }) =>
  [e.url, e.reference].filter((part): part is string => Boolean(part)).join(' · ');

const HEADLINES = {
  official: 'Neue Meldung der Landesregierung',
  independent: 'Neue unabhängige Einschätzung',
  correction: 'Berichtigung',
  withdrawal: 'Rücknahme einer Meldung',
} as const;

/** A report, assessment, correction or withdrawal that entered the public record. */
export function noticeOfStatusWrite(
  repos: Repositories,
  kind: 'report' | 'correction' | 'withdrawal',
  event: StatusEvent,
): Notice {
  const scope = goalScope(repos, event.goalId);
  const headline = HEADLINES[kind === 'report' ? event.track : kind];
  const when = formatStatedDate(event.effectiveDate, event.effectiveDatePrecision, 'de');
  const what =
    kind === 'withdrawal'
      ? `Zurückgenommen wurde „${STATUS_LABEL_DE[event.status]}“ (gültig ab ${when}), ${TRACK_LABELS.de[event.track]}. Grund: ${event.supersededBy?.reason ?? '–'}`
      : `Status: ${STATUS_LABEL_DE[event.status]}, gültig ab ${when} (${TRACK_LABELS.de[event.track]}), eingetragen von ${event.reporter}.`;
  const evidence = evidenceOf(event.evidence);
  return {
    ...scope,
    key: `${kind === 'withdrawal' ? 'withdrawal' : 'status'}:${event.id}`,
    subject: `Zielmonitor: ${headline} zu Ziel ${event.goalId}`,
    title: headline,
    paragraphs: [
      scope.title,
      what,
      ...(kind !== 'withdrawal' && event.note ? [`Begründung: ${event.note}`] : []),
      ...(kind !== 'withdrawal' && evidence ? [`Beleg: ${evidence}`] : []),
    ],
    line: `${headline} zu ${scope.title}: ${kind === 'withdrawal' ? 'zurückgenommen' : STATUS_LABEL_DE[event.status]}`,
    path: `${scope.path}#meldung-${event.id}`,
    occurredAt: event.supersededBy?.recordedAt ?? event.recordedAt,
  };
}

/** A reply (or its correction or withdrawal) under a report, assessment or reading. */
export function noticeOfReply(repos: Repositories, reply: Reply, kind: 'reply' | 'correction' | 'withdrawal'): Notice {
  const scope = reply.goalId !== null ? goalScope(repos, reply.goalId) : indicatorScope(repos, reply.indicatorId ?? '');
  const who = replyAuthorLabel(reply.author);
  const headline =
    kind === 'reply'
      ? `Stellungnahme von ${who}`
      : kind === 'correction'
        ? `Stellungnahme von ${who} berichtigt`
        : `Stellungnahme von ${who} zurückgenommen`;
  const evidence = evidenceOf(reply.evidence);
  return {
    ...scope,
    key: `${kind === 'withdrawal' ? 'reply-withdrawal' : 'reply'}:${reply.id}`,
    subject: `Zielmonitor: ${headline} zu ${scope.title}`,
    title: headline,
    paragraphs: [
      scope.title,
      ...(kind === 'withdrawal'
        ? [`Grund der Rücknahme: ${reply.supersededBy?.reason ?? '–'}`]
        : [reply.text, ...(evidence ? [`Beleg: ${evidence}`] : [])]),
    ],
    line: `${headline} zu ${scope.title}`,
    path: `${scope.path}#${reply.target.kind === 'reading' ? 'messwert' : 'meldung'}-${reply.target.id}`,
    occurredAt: reply.supersededBy?.recordedAt ?? reply.recordedAt,
  };
}

type IndicatorScope = Omit<Notice, 'key' | 'subject' | 'title' | 'paragraphs' | 'line' | 'occurredAt'> & {
  title: string;
};

/** An indicator's subscribers: the indicator, and those of the goals it measures, their Ressorts and versions. */
function indicatorScope(repos: Repositories, indicatorId: string): IndicatorScope {
  const indicator = repos.indicators.get(indicatorId);
  const goals = repos.indicators.goals(indicatorId).map((link) => goalScope(repos, link.goalId));
  return {
    indicatorIds: [indicatorId],
    goalIds: goals.flatMap((g) => g.goalIds),
    ressorts: [...new Set(goals.flatMap((g) => g.ressorts))],
    versions: [...new Set(goals.flatMap((g) => g.versions))],
    title: indicator ? `Kennzahl „${indicator.name}“` : `Kennzahl ${indicatorId}`,
    path: `/kennzahlen/${encodeURIComponent(indicatorId)}`,
  };
}

/** A reading of an indicator that entered the record, or one that was corrected or withdrawn. */
export function noticeOfReading(
  repos: Repositories,
  reading: Reading,
  kind: 'reading' | 'correction' | 'withdrawal',
): Notice {
  const scope = indicatorScope(repos, reading.indicatorId);
  const headline =
    kind === 'reading'
      ? reading.track === 'official'
        ? 'Neuer Messwert der Landesregierung'
        : 'Neuer unabhängiger Messwert'
      : kind === 'correction'
        ? 'Messwert berichtigt'
        : 'Messwert zurückgenommen';
  const date = formatStatedDate(reading.date, reading.datePrecision, 'de');
  const evidence = evidenceOf(reading.evidence);
  return {
    ...scope,
    key: `${kind === 'withdrawal' ? 'reading-withdrawal' : 'reading'}:${reading.id}`,
    subject: `Zielmonitor: ${headline} – ${scope.title}`,
    title: headline,
    paragraphs: [
      scope.title,
      kind === 'withdrawal'
        ? `Zurückgenommen wurde der Wert ${formatNumber(reading.value, 'de')} (Stand ${date}). Grund: ${reading.superseded?.reason ?? '–'}`
        : `Wert ${formatNumber(reading.value, 'de')} (Stand ${date}, ${TRACK_LABELS.de[reading.track]}), eingetragen von ${reading.reporter}.`,
      ...(kind !== 'withdrawal' && reading.note ? [`Anmerkung: ${reading.note}`] : []),
      ...(kind !== 'withdrawal' && evidence ? [`Beleg: ${evidence}`] : []),
    ],
    line: `${headline} – ${scope.title}: ${formatNumber(reading.value, 'de')} (Stand ${date})`,
    path: `${scope.path}#messwert-${reading.id}`,
    occurredAt: reading.superseded?.recordedAt ?? reading.recordedAt,
  };
}

/** A reporting round past its due date with goals still missing a report. */
export function noticeOfOverdueRound(
  round: { id: number; name: string; version: string; dueOn: string },
  missing: { goalId: string; title: string; ressort: string }[],
  now: Date,
): Notice {
  const due = formatDate(round.dueOn, 'de');
  const count = missing.length === 1 ? '1 Ziel' : `${missing.length} Zielen`;
  return {
    key: `round-overdue:${round.id}`,
    goalIds: [...new Set(missing.map((m) => m.goalId))],
    indicatorIds: [],
    ressorts: [...new Set(missing.map((m) => m.ressort))],
    versions: [round.version],
    subject: `Zielmonitor: Berichtsrunde „${round.name}“ überfällig`,
    title: 'Berichtsrunde überfällig',
    paragraphs: [
      `Die Berichtsrunde „${round.name}“ (Digitalstrategie ${round.version}) war am ${due} fällig. Zu ${count} fehlt noch ein freigegebener Bericht:`,
      missing.map((m) => `• ${m.goalId} (${m.ressort}): ${m.title}`).join('\n'),
    ],
    line: `Berichtsrunde „${round.name}“ überfällig seit ${due}: zu ${count} fehlt ein Bericht`,
    path: `/runden/${round.id}`,
    occurredAt: now.toISOString(),
  };
}
