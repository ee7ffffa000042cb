import { Secret, TOTP } from 'otpauth';

/**
 * TOTP (RFC 6238) as every common authenticator app computes it: HMAC-SHA-1, 6 digits, 30-second
 * steps. Codes of the step before and after are accepted too (±1: a phone clock a little off, a
 * code typed as it turns over); which step matched is returned, so that the caller can refuse a
 * code of a step that was used already (a replay).
 */
export const TOTP_PERIOD_SECONDS = 30;
const TOTP_WINDOW = 1;
const DIGITS = 6;
const ALGORITHM = 'SHA1';

/** 160 random bits (RFC 4226 § 4 recommends that length), base32 for the app. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

const totpOf = (secret: string, issuer = '', label = '') =>
  new TOTP({
    issuer,
    label,
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });

/** The otpauth:// address an app scans: issuer and account shown in the app, the secret to compute codes. */
export const totpUri = (secret: string, issuer: string, account: string): string =>
  totpOf(secret, issuer, account).toString();

/** The time step a code belongs to within ±1 step of now, or null when it belongs to none. */
export function totpStep(secret: string, code: string, now: Date): number | null {
  const totp = totpOf(secret);
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : totp.counter({ timestamp: now.getTime() }) + delta;
}

/** The code of a step (tests and the test helper compute codes with the same library). */
export const totpCode = (secret: string, at: Date): string => totpOf(secret).generate({ timestamp: at.getTime() });
