import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from '@zielmonitor/shared/schemas/auth';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/** OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1. */
const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const maxmem = (N: number, r: number) => 128 * N * r * 2;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...PARAMS, maxmem: maxmem(PARAMS.N, PARAMS.r) });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const N = Number(n);
  const R = Number(r);
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N,
    r: R,
    p: Number(p),
    maxmem: maxmem(N, R),
  });
  return crypto.timingSafeEqual(actual, expected);
}

/** A hash of nothing, verified when the account does not exist so that timing reveals nothing. */
let dummyHash: Promise<string> | undefined;
export const getDummyHash = (): Promise<string> => (dummyHash ??= hashPassword(crypto.randomUUID()));

const common = new Set(dictionary.passwords.map((p) => p.toLowerCase()));

/**
 * NIST SP 800-63B / OWASP ASVS: a minimum length, no composition rules, and no password
 * from a list of common ones. Returns the problem in German, or null.
 */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  // Counted in code points, as SP 800-63B counts characters (an emoji is one, not two UTF-16 units).
  if (Array.from(password).length < PASSWORD_MIN_LENGTH)
    return `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein`;
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'Dieses Passwort steht auf einer Liste häufig verwendeter Passwörter';
  if (
    (context.email && lower === context.email.toLowerCase()) ||
    (context.name && lower === context.name.toLowerCase())
  ) {
    return 'Das Passwort darf nicht die E-Mail-Adresse oder der Name sein';
  }
  if (new Set(password).size <= 2) return 'Das Passwort besteht fast nur aus einem Zeichen';
  return null;
}
