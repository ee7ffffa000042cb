import type { Status } from '../schemas/common.ts';

/**
 * What kind of change an entry in a goal's history is. No tracker we know of separates a
 * corrected record from a real setback; Zielmonitor says which it is, everywhere a change is shown.
 */
export const CHANGE_KINDS = [
  'first_report',
  'progress',
  'setback',
  'confirmation',
  'correction',
  'withdrawal',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * How far a status is along the way to the goal. "verfehlt" and "aufgegeben" lie behind
 * every open status: moving to them is a setback, moving on from them progress.
 */
const STAGE: Record<Status, number> = {
  dropped: -2,
  missed: -1,
  unknown: 0,
  planned: 1,
  in_progress: 2,
  partially_achieved: 3,
  achieved: 4,
};

/**
 * The kind of a new report on one track, from the status it replaced (null: the track's first
 * report) — or a correction, when it supersedes an earlier report. One rule for the API, the
 * changes list, the feed and the exports.
 */
export function changeKind(from: Status | null, to: Status, isCorrection: boolean): Exclude<ChangeKind, 'withdrawal'> {
  if (isCorrection) return 'correction';
  if (from === null) return 'first_report';
  if (STAGE[to] > STAGE[from]) return 'progress';
  if (STAGE[to] < STAGE[from]) return 'setback';
  return 'confirmation';
}
