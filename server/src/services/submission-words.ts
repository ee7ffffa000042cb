import type { SubmittedValue } from '@zielmonitor/shared/schemas/submission';
import { formatValue, formatWhen, type UnitWords } from '@zielmonitor/shared/indicators/words';
import {
  READING_SUBMISSION_KIND_LABELS,
  SUBMISSION_KIND_LABELS,
} from '@zielmonitor/shared/vocabulary/submission-labels';
import type { Repositories } from '../repositories/index.ts';
import type { StoredSubmission } from '../repositories/submissions.ts';
import { toReadingSubmission } from './reading-submission-view.ts';

const valueWords = (v: SubmittedValue, unit: UnitWords) =>
  `${formatValue(v.value, unit, 'de', v.qualifier)} ${formatWhen(v.date, v.datePrecision, 'de')}`;

/**
 * What a submission is, in one German line for a mail: "• v2-12: Titel – Meldung",
 * "• Kennzahl „Schulen mit Gigabit“ – Messwert: 93 % im März 2026",
 * "… – Berichtigung eines Messwerts: 95 % im März 2026 statt 93 % im März 2026".
 */
export function submissionLine(repos: Repositories, s: StoredSubmission): string {
  if (s.subject === 'goal') return `• ${s.goalId}: ${s.goalTitle} – ${SUBMISSION_KIND_LABELS.de[s.kind]}`;
  const { reading } = toReadingSubmission(repos, s, null);
  const label = `• Kennzahl „${s.indicatorName}“ – ${READING_SUBMISSION_KIND_LABELS.de[s.kind]}`;
  if (!reading) return label;
  const value = reading.value && valueWords(reading.value, reading);
  const target = reading.target && valueWords(reading.target, reading);
  if (s.kind === 'correction' && value && target) return `${label}: ${value} statt ${target}`;
  const words = value ?? target;
  return words ? `${label}: ${words}` : label;
}
