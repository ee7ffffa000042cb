import { z } from 'zod';
import { singleLineText } from './text.ts';

/**
 * WebAuthn (passkeys) as JSON between the dashboard and the API: the options the server hands the
 * browser, and the browser's answer. The shapes are those of the WebAuthn Level 3 JSON encodings
 * (what @simplewebauthn/browser sends and takes), with every length bounded.
 */

const B64Url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, { message: 'base64url erwartet' });

export const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;
const Transport = z.enum(TRANSPORTS);

const CredentialDescriptor = z.object({
  id: B64Url(1366),
  type: z.literal('public-key'),
  transports: z.array(Transport).optional(),
});

const UserVerification = z.enum(['required', 'preferred', 'discouraged']);

/** PublicKeyCredentialCreationOptionsJSON: what navigator.credentials.create() is asked for. */
export const PasskeyCreationOptions = z.object({
  rp: z.object({ name: z.string(), id: z.string().optional() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  challenge: z.string(),
  pubKeyCredParams: z.array(z.object({ alg: z.number().int(), type: z.literal('public-key') })),
  timeout: z.number().int().optional(),
  excludeCredentials: z.array(CredentialDescriptor).optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
      requireResidentKey: z.boolean().optional(),
      residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
      userVerification: UserVerification.optional(),
    })
    .optional(),
  hints: z.array(z.enum(['hybrid', 'security-key', 'client-device'])).optional(),
  attestation: z.enum(['direct', 'enterprise', 'indirect', 'none']).optional(),
  extensions: z.object({ credProps: z.boolean().optional() }).optional(),
});
export type PasskeyCreationOptions = z.infer<typeof PasskeyCreationOptions>;

/** PublicKeyCredentialRequestOptionsJSON: what navigator.credentials.get() is asked for. */
export const PasskeyRequestOptions = z.object({
  challenge: z.string(),
  timeout: z.number().int().optional(),
  rpId: z.string().optional(),
  allowCredentials: z.array(CredentialDescriptor).optional(),
  userVerification: UserVerification.optional(),
  hints: z.array(z.enum(['hybrid', 'security-key', 'client-device'])).optional(),
});
export type PasskeyRequestOptions = z.infer<typeof PasskeyRequestOptions>;

const ClientExtensionResults = z.strictObject({
  credProps: z.strictObject({ rk: z.boolean().optional() }).optional(),
  appid: z.boolean().optional(),
  hmacCreateSecret: z.boolean().optional(),
});

/** RegistrationResponseJSON: the new credential. */
export const PasskeyAttestation = z.strictObject({
  id: B64Url(1366),
  rawId: B64Url(1366),
  type: z.literal('public-key'),
  response: z.strictObject({
    clientDataJSON: B64Url(4096),
    attestationObject: B64Url(16_384),
    authenticatorData: B64Url(8192).optional(),
    transports: z.array(Transport).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: B64Url(4096).optional(),
  }),
  clientExtensionResults: ClientExtensionResults,
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});
export type PasskeyAttestation = z.infer<typeof PasskeyAttestation>;

/** AuthenticationResponseJSON: the signed challenge. */
export const PasskeyAssertion = z.strictObject({
  id: B64Url(1366),
  rawId: B64Url(1366),
  type: z.literal('public-key'),
  response: z.strictObject({
    clientDataJSON: B64Url(4096),
    authenticatorData: B64Url(8192),
    signature: B64Url(2048),
    userHandle: B64Url(1024).optional(),
  }),
  clientExtensionResults: ClientExtensionResults,
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});
export type PasskeyAssertion = z.infer<typeof PasskeyAssertion>;

/** A name the person gives a factor, e.g. "Diensthandy" or "YubiKey Büro". */
export const FactorLabel = singleLineText()
  .trim()
  .min(1, { message: 'Bitte einen Namen angeben' })
  .max(60, { message: 'Höchstens 60 Zeichen' });

export const PasskeyLoginBody = z.strictObject({ credential: PasskeyAssertion });
export type PasskeyLoginBody = z.infer<typeof PasskeyLoginBody>;
