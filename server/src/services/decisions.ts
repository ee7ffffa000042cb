import type { User } from '@zielmonitor/shared/schemas/auth';
import type { ReturnBody } from '@zielmonitor/shared/schemas/submission';
import { AppError } from '../lib/errors.ts';
import type { StoredSubmission } from '../repositories/submissions.ts';

/** A second person's decision on a submission: release it into the record, or return it with a reason. */
export type Decision = { release: true; expectedRevision: number } | ({ release: false } & ReturnBody);

/**
 * The rules every decision follows, whatever it is about: nobody decides their own submission,
 * only those the subject's rules allow decide at all, and a decision is final.
 */
export function checkDecision(user: User, submission: StoredSubmission, allowed: boolean): void {
  if (submission.submittedBy === user.id) {
    throw new AppError(403, 'OWN_SUBMISSION', 'Eigene Meldungen gibt eine zweite Person frei.');
  }
  if (!allowed) {
    throw new AppError(
      403,
      'FORBIDDEN',
      'Freigeben können Prüferinnen und Prüfer des zuständigen Ressorts oder die Administration.',
    );
  }
  if (submission.state !== 'pending') {
    throw new AppError(409, 'ALREADY_DECIDED', 'Über diese Einreichung wurde bereits entschieden.');
  }
}
