import net from 'node:net';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { PasskeyAssertion, PasskeyAttestation } from '@zielmonitor/shared/schemas/passkey';
import { PasskeyCreationOptions, PasskeyRequestOptions } from '@zielmonitor/shared/schemas/passkey';
import { TRANSPORTS } from '@zielmonitor/shared/schemas/passkey';
import { AppError } from '../lib/errors.ts';
import type { Repositories } from '../repositories/index.ts';
import type { StoredFactor } from '../repositories/second-factors.ts';

/**
 * Passkeys (WebAuthn) through @simplewebauthn/server. The relying party is the host of the public
 * origin: a passkey made for zielmonitor.landtag.example works only there. Browsers refuse IP
 * addresses as relying party, so an installation reached by a bare IP offers TOTP only.
 * Attestation is not asked for (`none`): which authenticator model someone uses is not ours to
 * check, and asking would show a privacy prompt. User verification is preferred, not required:
 * the passkey is a second factor after the password.
 */
const RP_NAME = 'Zielmonitor';
const CHALLENGE_MS = 5 * 60_000;

const rpIdOf = (origin: string): string => new URL(origin).hostname;
export const passkeysAvailable = (origin: string): boolean => net.isIP(rpIdOf(origin).replace(/^\[|\]$/g, '')) === 0;

type Transport = (typeof TRANSPORTS)[number];
const isTransport = (value: string): value is Transport => (TRANSPORTS as readonly string[]).includes(value);
const descriptor = (factor: StoredFactor) => ({
  id: factor.credentialId ?? '',
  transports: factor.transports.filter(isTransport),
});

const refused = (message: string) =>
  new AppError(400, 'PASSKEY_REFUSED', message, [{ location: 'body', field: 'credential', message }]);

/** Options for making a passkey; the challenge is kept with the session that asked, for 5 minutes. */
export async function registrationOptions(
  repos: Repositories,
  sessionId: string,
  user: { id: number; email: string; name: string },
  origin: string,
  now = new Date(),
): Promise<PasskeyCreationOptions> {
  if (!passkeysAvailable(origin))
    throw new AppError(
      409,
      'PASSKEYS_UNAVAILABLE',
      'Passkeys brauchen eine Adresse mit Hostnamen (PUBLIC_ORIGIN); bitte eine Authenticator-App verwenden.',
    );
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rpIdOf(origin),
    userName: user.email,
    userDisplayName: user.name,
    attestationType: 'none',
    excludeCredentials: repos.secondFactors
      .list(user.id)
      .filter((f) => f.kind === 'passkey')
      .map(descriptor),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  repos.sessions.setChallenge(sessionId, options.challenge, new Date(now.getTime() + CHALLENGE_MS));
  // The library types `type` as any string; the contract says 'public-key', and parsing proves it.
  return PasskeyCreationOptions.parse(options);
}

/** Checks the new credential against the session's challenge; what to store, or 400. */
export async function verifyRegistration(
  repos: Repositories,
  sessionId: string,
  credential: PasskeyAttestation,
  origin: string,
  now = new Date(),
): Promise<{ credentialId: string; publicKey: Buffer; signCount: number; transports: string[] }> {
  const challenge = repos.sessions.takeChallenge(sessionId, now);
  if (!challenge) throw refused('Die Anfrage für den Passkey ist abgelaufen. Bitte erneut versuchen.');
  if (repos.secondFactors.findByCredential(credential.id)) throw refused('Dieser Passkey ist schon eingerichtet.');
  const result = await verifyRegistrationResponse({
    response: credential,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpIdOf(origin),
    requireUserVerification: false,
  }).catch(() => ({ verified: false as const }));
  if (!result.verified) throw refused('Der Passkey konnte nicht geprüft werden. Bitte erneut versuchen.');
  const { credential: made } = result.registrationInfo;
  return {
    credentialId: made.id,
    publicKey: Buffer.from(made.publicKey),
    signCount: made.counter,
    transports: made.transports ?? [],
  };
}

/** Options for signing in with one of the account's passkeys; the challenge is kept with the pending login. */
export async function authenticationOptions(
  repos: Repositories,
  sessionId: string,
  userId: number,
  origin: string,
  now = new Date(),
): Promise<PasskeyRequestOptions> {
  const passkeys = repos.secondFactors.list(userId).filter((f) => f.kind === 'passkey');
  if (passkeys.length === 0 || !passkeysAvailable(origin))
    throw new AppError(409, 'NO_PASSKEY', 'Für dieses Konto ist kein Passkey eingerichtet.');
  const options = await generateAuthenticationOptions({
    rpID: rpIdOf(origin),
    allowCredentials: passkeys.map(descriptor),
    userVerification: 'preferred',
  });
  repos.sessions.setChallenge(sessionId, options.challenge, new Date(now.getTime() + CHALLENGE_MS));
  return PasskeyRequestOptions.parse(options);
}

/** Checks a signed challenge against the account's passkey; the factor that signed, or null. */
export async function verifyAssertion(
  repos: Repositories,
  sessionId: string,
  userId: number,
  assertion: PasskeyAssertion,
  origin: string,
  now = new Date(),
): Promise<{ factor: StoredFactor; signCount: number } | null> {
  const challenge = repos.sessions.takeChallenge(sessionId, now);
  const factor = repos.secondFactors.findByCredential(assertion.id);
  if (!challenge || !factor || factor.userId !== userId || !factor.publicKey || !factor.credentialId) return null;
  const result = await verifyAuthenticationResponse({
    response: assertion,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpIdOf(origin),
    credential: {
      id: factor.credentialId,
      publicKey: new Uint8Array(factor.publicKey),
      counter: factor.signCount ?? 0,
      transports: factor.transports.filter(isTransport),
    },
    requireUserVerification: false,
  }).catch(() => null);
  return result?.verified ? { factor, signCount: result.authenticationInfo.newCounter } : null;
}
