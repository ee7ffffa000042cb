import { z } from 'zod';
import { RessortCode } from './common.ts';
import { singleLineText } from './text.ts';

export const ROLES = ['admin', 'controller', 'reviewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LoginBody = z.strictObject({
  email: singleLineText().trim().min(1, { error: 'Bitte E-Mail-Adresse angeben' }).max(254),
  password: singleLineText().min(1, { error: 'Bitte Passwort angeben' }).max(1024),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const User = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: Role,
  /** Ressorts a controller may report for; an admin may report for all. */
  ressorts: z.array(RessortCode),
});
export type User = z.infer<typeof User>;

export const MeResponse = z.object({ user: User.nullable() });
export type MeResponse = z.infer<typeof MeResponse>;

export const PASSWORD_MIN_LENGTH = 12;
