import type { SubmissionKind } from '../schemas/submission.ts';
import type { Lang } from './lang.ts';

// Apart from labels.ts: only the release pages, the audit log and the mails need these, and
// labels.ts is part of the first screen's bundle.

/** What a submission waiting for release is. */
export const SUBMISSION_KIND_LABELS: Record<Lang, Record<SubmissionKind, string>> = {
  de: { report: 'Meldung', correction: 'Berichtigung', withdrawal: 'Rücknahme' },
  en: { report: 'Report', correction: 'Correction', withdrawal: 'Withdrawal' },
};

/** What a reading submission waiting for release is. */
export const READING_SUBMISSION_KIND_LABELS: Record<Lang, Record<SubmissionKind, string>> = {
  de: { report: 'Messwert', correction: 'Berichtigung eines Messwerts', withdrawal: 'Rücknahme eines Messwerts' },
  en: { report: 'Reading', correction: 'Correction of a reading', withdrawal: 'Withdrawal of a reading' },
};
