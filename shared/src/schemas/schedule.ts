import { z } from 'zod';
import { SCHEDULE_REASONS, SCHEDULES } from '../indicators/schedule.ts';

/** A goal's Terminlage on one track (rule: indicators/schedule.ts). */
export const GoalSchedule = z.object({ state: z.enum(SCHEDULES), reason: z.enum(SCHEDULE_REASONS) });
export type GoalSchedule = z.infer<typeof GoalSchedule>;

/** The Terminlage by the government's reports and by independent assessments, each with its own indicators' ratings. */
export const GoalSchedules = z.object({ official: GoalSchedule, independent: GoalSchedule });
export type GoalSchedules = z.infer<typeof GoalSchedules>;
