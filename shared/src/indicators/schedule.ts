import type { Status } from '../schemas/common.ts';
import type { RatingState } from './trajectory.ts';

/**
 * A goal's Terminlage: is it on schedule? From its due date, its status and, where it has
 * indicators, their latest ratings on the same track. The rule, stated on the goal page:
 * - achieved: on schedule if achieved by the due date (or without one), else delayed;
 * - due date passed and not achieved: deadline passed;
 * - deadline still open: delayed if an indicator is behind plan, on schedule if every rated
 *   indicator is on track; declared missed or dropped before its deadline: delayed;
 * - otherwise not assessable: no due date, or nothing measured says whether it is on track.
 */
export const SCHEDULES = ['on_schedule', 'delayed', 'deadline_passed', 'not_assessable'] as const;
export type ScheduleState = (typeof SCHEDULES)[number];
export const SCHEDULE_REASONS = [
  'achieved_in_time',
  'achieved_late',
  'deadline_passed',
  'ended_early',
  'indicator_behind',
  'indicators_on_track',
  'no_due_date',
  'no_evidence',
] as const;
export type ScheduleReason = (typeof SCHEDULE_REASONS)[number];
export type Schedule = { state: ScheduleState; reason: ScheduleReason };

export function goalSchedule(input: {
  dueDate: string | null;
  status: Status;
  /** Effective date of the report that set the status; null when nothing was reported. */
  statusDate: string | null;
  /** The date the schedule is judged on: the as-of date, or today. */
  reference: string;
  /** Latest rating of each indicator of the goal, on the same track. */
  ratings: readonly RatingState[];
}): Schedule {
  const { dueDate, status, statusDate, reference, ratings } = input;
  if (status === 'achieved') {
    return dueDate === null || statusDate === null || statusDate <= dueDate
      ? { state: 'on_schedule', reason: 'achieved_in_time' }
      : { state: 'delayed', reason: 'achieved_late' };
  }
  if (dueDate !== null && reference > dueDate) return { state: 'deadline_passed', reason: 'deadline_passed' };
  if (status === 'missed' || status === 'dropped') return { state: 'delayed', reason: 'ended_early' };
  if (ratings.includes('behind')) return { state: 'delayed', reason: 'indicator_behind' };
  if (ratings.includes('on_track')) return { state: 'on_schedule', reason: 'indicators_on_track' };
  return { state: 'not_assessable', reason: dueDate === null ? 'no_due_date' : 'no_evidence' };
}
