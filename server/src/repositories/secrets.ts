import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';

/** Secrets the database generated for itself (migration 007), read once. */
export function createSecretsRepository(db: Db) {
  const read = db.prepare<[string], string>('SELECT value FROM app_secrets WHERE name = ?').pluck();
  let addressKey: string | undefined;
  return {
    /** A client address as a keyed hash: limits can count per address without keeping one. */
    addressHash(ip: string): string {
      addressKey ??= read.get('address_hash_key');
      if (!addressKey) throw new Error('app_secrets has no address_hash_key');
      return crypto.createHmac('sha256', addressKey).update(ip).digest('hex');
    },
  };
}
