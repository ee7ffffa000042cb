import { z } from 'zod';
import { RessortCode } from './common.ts';
import { singleLineText } from './text.ts';

export const ROLES = ['admin', 'controller', 'reviewer', 'assessor'] as const;
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
  /** An assessor's organisation (a parliamentary group, a newspaper), named on their entries; null for other roles. */
  organisation: z.string().nullable(),
});
export type User = z.infer<typeof User>;

export const MeResponse = z.object({ user: User.nullable() });
export type MeResponse = z.infer<typeof MeResponse>;

export const PASSWORD_MIN_LENGTH = 12;

/**
 * Which roles write to the public record and so need a second factor when MFA_REQUIRED is on:
 * every role there is (reading needs no account). A read-only role added later would be left out here.
 */
export const isWritingRole = (role: string): boolean => (ROLES as readonly string[]).includes(role);

/** What a login has reached: signed in, or the password was right and a second factor is asked for or must be set up. */
export const LOGIN_STEPS = ['signed-in', 'second-factor', 'enrol'] as const;
export const LoginStep = z.enum(LOGIN_STEPS);
export type LoginStep = z.infer<typeof LoginStep>;

/** Ways to pass the second step: an authenticator app, a passkey, a recovery code. */
export const SECOND_STEP_METHODS = ['totp', 'passkey', 'recovery'] as const;
export const SecondStepMethod = z.enum(SECOND_STEP_METHODS);
export type SecondStepMethod = z.infer<typeof SecondStepMethod>;

export const LoginResponse = z.object({
  /** The account once signed in; null while the second step is open. */
  user: User.nullable(),
  step: LoginStep,
  /** second-factor: what this account can answer with; enrol: what it can set up. */
  methods: z.array(SecondStepMethod),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** Six digits from the authenticator app; spaces as some apps show them ("123 456") are ignored. */
export const TotpCode = z
  .string()
  .max(20)
  .overwrite((value) => value.replace(/\s/g, ''))
  .regex(/^\d{6}$/, { error: 'Bitte den sechsstelligen Code aus der App eingeben' });

/**
 * A recovery code: 16 characters of Crockford's base32, printed in groups of four. Case, dashes
 * and spaces do not matter; I and L read as 1, O as 0, as Crockford intends.
 */
export const RecoveryCode = z
  .string()
  .max(40)
  .overwrite((value) => value.replace(/[\s-]/g, '').toLowerCase().replace(/[il]/g, '1').replace(/o/g, '0'))
  .regex(/^[0-9abcdefghjkmnpqrstvwxyz]{16}$/, {
    error: 'Ein Wiederherstellungscode hat 16 Zeichen, z. B. 7k3m-q9xd-2hfp-w4tn',
  });

export const SecondFactorBody = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('totp'), code: TotpCode }),
  z.strictObject({ method: z.literal('recovery'), code: RecoveryCode }),
]);
export type SecondFactorBody = z.infer<typeof SecondFactorBody>;
