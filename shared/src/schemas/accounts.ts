import { z } from 'zod';
import { Role, SecondStepMethod, TotpCode, User } from './auth.ts';
import { RessortCode } from './common.ts';
import { FactorLabel, PasskeyAttestation } from './passkey.ts';
import { singleLineText } from './text.ts';

/**
 * Accounts: the administration's list and actions (invite, change role and scope, disable,
 * end sessions, reset a second factor), invitation and reset links, and what every signed-in
 * person manages for themselves (password, sessions, second factors).
 */

export const ACCOUNT_STATES = ['invited', 'active', 'disabled'] as const;
export const AccountState = z.enum(ACCOUNT_STATES);
export type AccountState = z.infer<typeof AccountState>;

export const FACTOR_KINDS = ['totp', 'passkey'] as const;
export const FactorKind = z.enum(FACTOR_KINDS);
export type FactorKind = z.infer<typeof FactorKind>;

export const LINK_PURPOSES = ['invitation', 'reset'] as const;
export const LinkPurpose = z.enum(LINK_PURPOSES);
export type LinkPurpose = z.infer<typeof LinkPurpose>;

const Email = z
  .email({ error: 'Bitte eine gültige E-Mail-Adresse angeben' })
  .max(254, { error: 'Höchstens 254 Zeichen' });
const Name = singleLineText()
  .trim()
  .min(1, { error: 'Bitte einen Namen angeben' })
  .max(200, { error: 'Höchstens 200 Zeichen' });
const Password = (missing: string) =>
  singleLineText().min(1, { error: missing }).max(1024, { error: 'Höchstens 1024 Zeichen' });

/** One account as the administration sees it. */
export const UserSummary = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: Role,
  ressorts: z.array(RessortCode),
  /** Assessors' organisation (parliamentary group, newspaper), where the installation has them. */
  organisation: z.string().nullable(),
  state: AccountState,
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  secondFactor: z.object({
    totp: z.number().int(),
    passkeys: z.number().int(),
    recoveryCodesLeft: z.number().int(),
  }),
  /** Signed-in sessions open now. */
  sessions: z.number().int(),
  /** An invitation or reset link that can still be used, and until when. */
  openLink: z.object({ purpose: LinkPurpose, expiresAt: z.string() }).nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UsersResponse = z.object({
  items: z.array(UserSummary),
  /** Without mail the administration passes invitation and reset links on by hand. */
  mailConfigured: z.boolean(),
  mfaRequired: z.boolean(),
});
export type UsersResponse = z.infer<typeof UsersResponse>;

export const UserParams = z.object({
  id: z.coerce.number().int({ error: 'Konto-Nummer erwartet' }).positive({ error: 'Konto-Nummer erwartet' }),
});

const Ressorts = z.array(RessortCode).max(40, { error: 'Höchstens 40 Ressorts' });

/** An assessor's organisation (a parliamentary group, a newspaper): named on every entry they write. */
export const Organisation = singleLineText()
  .trim()
  .min(2, { error: 'Bitte den Namen der Organisation angeben' })
  .max(120, { error: 'Höchstens 120 Zeichen' });

export const CreateUserBody = z.strictObject({
  email: Email,
  name: Name,
  role: Role,
  ressorts: Ressorts.default([]),
  /** Only for assessors, and required for them; the other roles act for Ressorts. */
  organisation: Organisation.nullable().optional(),
});
export type CreateUserBody = z.input<typeof CreateUserBody>;

export const UpdateUserBody = z
  .strictObject({
    name: Name.optional(),
    role: Role.optional(),
    ressorts: Ressorts.optional(),
    organisation: Organisation.nullable().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    error: 'Nichts zu ändern: Name, Rolle, Ressorts oder Organisation angeben',
  });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

/** A link just made: sent by mail, or (without mail) shown once for the administration to pass on. */
export const IssuedLink = z.object({
  purpose: LinkPurpose,
  expiresAt: z.string(),
  /** The address the mail went to; null when mail is not configured. */
  sentTo: z.string().nullable(),
  /** The link itself, only when it was not mailed; it is never shown again. */
  url: z.string().nullable(),
});
export type IssuedLink = z.infer<typeof IssuedLink>;

export const UserWithLinkResponse = z.object({ user: UserSummary, link: IssuedLink });
export type UserWithLinkResponse = z.infer<typeof UserWithLinkResponse>;
export const UserResponse = z.object({ user: UserSummary });
export type UserResponse = z.infer<typeof UserResponse>;

// --- Links (invitation, reset) --------------------------------------------------------------

/** The secret part of a link: 32 random bytes in base64url, carried in the address's fragment. */
export const LinkToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Der Link ist unvollständig; bitte den ganzen Link aus der E-Mail öffnen' });

export const LinkTokenBody = z.strictObject({ token: LinkToken });
export const LinkInfo = z.object({
  purpose: LinkPurpose,
  email: z.string(),
  name: z.string(),
  expiresAt: z.string(),
});
export type LinkInfo = z.infer<typeof LinkInfo>;

export const SetPasswordBody = z.strictObject({ token: LinkToken, password: Password('Bitte ein Passwort angeben') });
export type SetPasswordBody = z.infer<typeof SetPasswordBody>;
export const SetPasswordResponse = z.object({ email: z.string() });

export const ForgotPasswordBody = z.strictObject({ email: Email });
export type ForgotPasswordBody = z.infer<typeof ForgotPasswordBody>;
export const AcceptedResponse = z.object({ message: z.string() });

// --- Self-service --------------------------------------------------------------------------

export const Factor = z.object({
  id: z.number().int(),
  kind: FactorKind,
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type Factor = z.infer<typeof Factor>;

export const AccountResponse = z.object({
  user: User,
  factors: z.array(Factor),
  recoveryCodesLeft: z.number().int(),
  passwordChangedAt: z.string().nullable(),
  /** Whether this account must keep a second factor (MFA_REQUIRED and a writing role). */
  mfaRequired: z.boolean(),
  /** Passkeys need a host name (not a bare IP address) in PUBLIC_ORIGIN. */
  passkeysAvailable: z.boolean(),
});
export type AccountResponse = z.infer<typeof AccountResponse>;

/** Sensitive changes of a signed-in account ask for the password again: a session left open is not enough. */
const CurrentPassword = Password('Bitte Ihr aktuelles Passwort angeben');
export const CurrentPasswordBody = z.strictObject({ currentPassword: CurrentPassword });
export type CurrentPasswordBody = z.infer<typeof CurrentPasswordBody>;
/** While enrolling at the first login the password was just checked: then it may be left out. */
export const EnrolStartBody = z.strictObject({ currentPassword: CurrentPassword.optional() });
export type EnrolStartBody = z.infer<typeof EnrolStartBody>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: CurrentPassword,
  newPassword: Password('Bitte ein neues Passwort angeben'),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const TotpSetupResponse = z.object({
  /** Base32, for typing into an app that cannot scan. */
  secret: z.string(),
  /** otpauth:// address, shown as a QR code. */
  uri: z.string(),
});
export type TotpSetupResponse = z.infer<typeof TotpSetupResponse>;

export const TotpConfirmBody = z.strictObject({
  code: TotpCode,
  label: FactorLabel.optional(),
});
export type TotpConfirmBody = z.infer<typeof TotpConfirmBody>;

export const PasskeyRegisterBody = z.strictObject({ credential: PasskeyAttestation, label: FactorLabel.optional() });
export type PasskeyRegisterBody = z.infer<typeof PasskeyRegisterBody>;

/** After a factor was added: the account, and the recovery codes when they were made just now (shown once). */
export const EnrolledResponse = z.object({ user: User, recoveryCodes: z.array(z.string()).nullable() });
export type EnrolledResponse = z.infer<typeof EnrolledResponse>;

export const RecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesResponse = z.infer<typeof RecoveryCodesResponse>;

export const FactorParams = z.object({
  id: z.coerce.number().int({ error: 'Nummer erwartet' }).positive({ error: 'Nummer erwartet' }),
});

export const SessionInfo = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  /** Browser and system in words, e.g. "Firefox unter Windows". */
  device: z.string(),
  method: SecondStepMethod.nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
export const SessionsResponse = z.object({ items: z.array(SessionInfo) });
export type SessionsResponse = z.infer<typeof SessionsResponse>;
export const SessionParams = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'Sitzungskennung erwartet' }),
});
export const EndedResponse = z.object({ ended: z.number().int() });
export type EndedResponse = z.infer<typeof EndedResponse>;
