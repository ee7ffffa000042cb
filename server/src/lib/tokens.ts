import crypto from 'node:crypto';

/**
 * Secrets in links (invitation, reset): 256 random bits in base64url (43 characters). The database
 * keeps only their SHA-256: a copy of it opens no link. A hash without salt suffices at 256 bits.
 */
export const newLinkToken = (): string => crypto.randomBytes(32).toString('base64url');
export const hashLinkToken = (token: string): string => crypto.createHash('sha256').update(token).digest('base64url');
