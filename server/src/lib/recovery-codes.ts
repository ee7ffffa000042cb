import crypto from 'node:crypto';

/**
 * Recovery codes: ten per account, each 80 random bits written as 16 characters of Crockford's
 * base32 (no I, L, O, U: nothing to misread), shown once in groups of four. Stored only as a
 * salted SHA-256: at 80 bits a stolen database cannot be searched for them, so a slow hash (which
 * would cost ten scrypt runs per attempt) buys nothing here. NIST SP 800-63B § 5.1.2 (look-up secrets).
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RECOVERY_CODE_COUNT = 10;

function encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  return out;
}

/** "7k3mq9xd2hfpw4tn" → "7k3m-q9xd-2hfp-w4tn" */
const formatRecoveryCode = (code: string): string => code.match(/.{4}/g)?.join('-') ?? code;

export const hashRecoveryCode = (code: string, salt: string): string =>
  crypto.createHash('sha256').update(`${salt}:${code}`).digest('base64url');

/** New codes: what is shown once, and what is stored. */
export function newRecoveryCodes(): { shown: string[]; stored: { salt: string; hash: string }[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => encode(crypto.randomBytes(10)));
  return {
    shown: codes.map(formatRecoveryCode),
    stored: codes.map((code) => {
      const salt = crypto.randomBytes(16).toString('base64url');
      return { salt, hash: hashRecoveryCode(code, salt) };
    }),
  };
}

/** The id of the stored code this normalised code matches, or null. Every candidate is compared in constant time. */
export function matchRecoveryCode(
  code: string,
  candidates: { id: number; salt: string; hash: string }[],
): number | null {
  let match: number | null = null;
  for (const candidate of candidates) {
    const actual = Buffer.from(hashRecoveryCode(code, candidate.salt));
    const expected = Buffer.from(candidate.hash);
    if (actual.length === expected.length && crypto.timingSafeEqual(actual, expected)) match = candidate.id;
  }
  return match;
}
