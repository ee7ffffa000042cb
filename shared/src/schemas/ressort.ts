import { z } from 'zod';
import { IsoDate, RessortCode } from './common.ts';

export const RessortSuccessor = z.object({ code: RessortCode, note: z.string().nullable() });

export const Ressort = z.object({
  code: RessortCode,
  name: z.string().nullable(),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
  successors: z.array(RessortSuccessor),
});
export type Ressort = z.infer<typeof Ressort>;

export const RessortsResponse = z.array(Ressort);
export type RessortsResponse = z.infer<typeof RessortsResponse>;
