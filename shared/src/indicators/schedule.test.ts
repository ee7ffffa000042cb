import { describe, expect, it } from 'vitest';
import type { Status } from '../schemas/common.ts';
import { goalSchedule, type ScheduleReason, type ScheduleState } from './schedule.ts';
import type { RatingState } from './trajectory.ts';

describe("a goal's Terminlage", () => {
  type Row = [string, string | null, Status, string | null, string, RatingState[], ScheduleState, ScheduleReason];
  it.each<Row>([
    [
      'achieved before its due date',
      '2022-12-31',
      'achieved',
      '2021-11-01',
      '2026-11-30',
      [],
      'on_schedule',
      'achieved_in_time',
    ],
    [
      'achieved after its due date',
      '2020-12-31',
      'achieved',
      '2021-11-01',
      '2026-11-30',
      [],
      'delayed',
      'achieved_late',
    ],
    [
      'achieved without a due date',
      null,
      'achieved',
      '2021-11-01',
      '2026-11-30',
      ['behind'],
      'on_schedule',
      'achieved_in_time',
    ],
    [
      'due date passed, not achieved',
      '2022-12-31',
      'in_progress',
      '2021-07-01',
      '2026-11-30',
      ['on_track'],
      'deadline_passed',
      'deadline_passed',
    ],
    [
      'due today is not yet passed',
      '2022-12-31',
      'in_progress',
      null,
      '2022-12-31',
      [],
      'not_assessable',
      'no_evidence',
    ],
    [
      'deadline open, an indicator behind plan',
      '2022-12-31',
      'in_progress',
      null,
      '2021-06-30',
      ['on_track', 'behind'],
      'delayed',
      'indicator_behind',
    ],
    [
      'deadline open, every rated indicator on track',
      '2025-12-31',
      'in_progress',
      null,
      '2021-06-30',
      ['on_track', 'not_assessable'],
      'on_schedule',
      'indicators_on_track',
    ],
    [
      'deadline open, nothing rated',
      '2025-12-31',
      'in_progress',
      null,
      '2021-06-30',
      ['not_assessable'],
      'not_assessable',
      'no_evidence',
    ],
    ['no due date and nothing rated', null, 'unknown', null, '2021-06-30', [], 'not_assessable', 'no_due_date'],
    [
      'no due date, indicator on track',
      null,
      'in_progress',
      null,
      '2021-06-30',
      ['on_track'],
      'on_schedule',
      'indicators_on_track',
    ],
    [
      'declared missed before its deadline',
      '2025-12-31',
      'missed',
      '2021-06-01',
      '2021-06-30',
      [],
      'delayed',
      'ended_early',
    ],
  ])('%s', (_name, dueDate, status, statusDate, reference, ratings, state, reason) => {
    expect(goalSchedule({ dueDate, status, statusDate, reference, ratings })).toEqual({ state, reason });
  });
});
