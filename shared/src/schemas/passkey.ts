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
    .regex(/^[A-Za-z0-9_-]*$/, { error: 'base64url erwartet' });

export const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;
const Transport = z.enum(TRANSPORTS);

const CredentialDescriptor = z.object({
  id: B64Url(1366),
  type: z.literal('public-key'),
  transports: z.array(Transport).exactOptional(),
});

const UserVerification = z.enum(['required', 'preferred', 'discouraged']);

/** PublicKeyCredentialCreationOptionsJSON: what navigator.credentials.create() is asked for. */
export const PasskeyCreationOptions = z.object({
  rp: z.object({ name: z.string(), id: z.string().exactOptional() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  challenge: z.string(),
  pubKeyCredParams: z.array(z.object({ alg: z.number().int(), type: z.literal('public-key') })),
  timeout: z.number().int().exactOptional(),
  excludeCredentials: z.array(CredentialDescriptor).exactOptional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: z.enum(['platform', 'cross-platform']).exactOptional(),
      requireResidentKey: z.boolean().exactOptional(),
      residentKey: z.enum(['discouraged', 'preferred', 'required']).exactOptional(),
      userVerification: UserVerification.exactOptional(),
    })
    .exactOptional(),
  hints: z.array(z.enum(['hybrid', 'security-key', 'client-device'])).exactOptional(),
  attestation: z.enum(['direct', 'enterprise', 'indirect', 'none']).exactOptional(),
  extensions: z.object({ credProps: z.boolean().exactOptional() }).exactOptional(),
});
export type PasskeyCreationOptions = z.infer<typeof PasskeyCreationOptions>;

/** PublicKeyCredentialRequestOptionsJSON: what navigator.credentials.get() is asked for. */
export const PasskeyRequestOptions = z.object({
  challenge: z.string(),
  timeout: z.number().int().exactOptional(),
  rpId: z.string().exactOptional(),
  allowCredentials: z.array(CredentialDescriptor).exactOptional(),
  userVerification: UserVerification.exactOptional(),
  hints: z.array(z.enum(['hybrid', 'security-key', 'client-device'])).exactOptional(),
});
export type PasskeyRequestOptions = z.infer<typeof PasskeyRequestOptions>;

const ClientExtensionResults = z.strictObject({
  credProps: z.strictObject({ rk: z.boolean().exactOptional() }).exactOptional(),
  appid: z.boolean().exactOptional(),
  hmacCreateSecret: z.boolean().exactOptional(),
});

/** RegistrationResponseJSON: the new credential. */
export const PasskeyAttestation = z.strictObject({
  id: B64Url(1366),
  rawId: B64Url(1366),
  type: z.literal('public-key'),
  response: z.strictObject({
    clientDataJSON: B64Url(4096),
    attestationObject: B64Url(16_384),
    authenticatorData: B64Url(8192).exactOptional(),
    transports: z.array(Transport).max(10).exactOptional(),
    publicKeyAlgorithm: z.number().int().exactOptional(),
    publicKey: B64Url(4096).exactOptional(),
  }),
  clientExtensionResults: ClientExtensionResults,
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).exactOptional(),
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
    userHandle: B64Url(1024).exactOptional(),
  }),
  clientExtensionResults: ClientExtensionResults,
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).exactOptional(),
});
export type PasskeyAssertion = z.infer<typeof PasskeyAssertion>;

/** A name the person gives a factor, e.g. "Diensthandy" or "YubiKey Büro". */
export const FactorLabel = singleLineText()
  .trim()
  .min(1, { error: 'Bitte einen Namen angeben' })
  .max(60, { error: 'Höchstens 60 Zeichen' });

export const PasskeyLoginBody = z.strictObject({ credential: PasskeyAssertion });
export type PasskeyLoginBody = z.infer<typeof PasskeyLoginBody>;
