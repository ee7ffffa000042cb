import { z } from 'zod';
import { COUNTING_RULES } from '../vocabulary/counting-rules.ts';

export const CountingRule = z.enum(COUNTING_RULES);
export type CountingRule = z.infer<typeof CountingRule>;
