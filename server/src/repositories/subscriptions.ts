import type { Db } from '../db/database.ts';

export type SubscriptionScope = 'goal' | 'ressort' | 'indicator' | 'version';
export type Frequency = 'immediate' | 'daily';

export type StoredSubscription = {
  id: number;
  email: string;
  scope: SubscriptionScope;
  scopeId: string;
  frequency: Frequency;
  createdAt: string;
  confirmedAt: string | null;
};

type Row = {
  id: number;
  email: string;
  scope: SubscriptionScope;
  scope_id: string;
  frequency: Frequency;
  created_at: string;
  confirmed_at: string | null;
};

const toSubscription = (row: Row): StoredSubscription => ({
  id: row.id,
  email: row.email,
  scope: row.scope,
  scopeId: row.scope_id,
  frequency: row.frequency,
  createdAt: row.created_at,
  confirmedAt: row.confirmed_at,
});

export type DigestItem = {
  id: number;
  subscriptionId: number;
  itemKey: string;
  occurredAt: string;
  line: string;
  path: string;
};

/** What a change concerns, by scope: the subscriptions to any of these hear of it. */
export type Audience = Record<SubscriptionScope, readonly string[]>;

/** Subscriptions (migration 019): the only place their addresses are read or written. */
export function createSubscriptionsRepository(db: Db) {
  const byKey = db.prepare<[string, string, string], Row>(
    'SELECT * FROM subscriptions WHERE email = ? AND scope = ? AND scope_id = ?',
  );
  const insert = db.prepare<[string, string, string, string, string], { id: number }>(
    `INSERT INTO subscriptions (email, scope, scope_id, frequency, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`,
  );
  const setFrequency = db.prepare<[string, number]>('UPDATE subscriptions SET frequency = ? WHERE id = ?');
  const insertToken = db.prepare<[string, number, string, string | null]>(
    `INSERT INTO subscription_tokens (token_hash, subscription_id, purpose, expires_at) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const byToken = db.prepare<[string, string, string], Row>(
    `SELECT s.* FROM subscription_tokens t JOIN subscriptions s ON s.id = t.subscription_id
     WHERE t.token_hash = ? AND t.purpose = ? AND (t.expires_at IS NULL OR t.expires_at > ?) ORDER BY s.id`,
  );
  const removeTokens = db.prepare<[string]>('DELETE FROM subscription_tokens WHERE token_hash = ?');
  const confirm = db.prepare<[string, number]>(
    'UPDATE subscriptions SET confirmed_at = ? WHERE id = ? AND confirmed_at IS NULL',
  );
  const remove = db.prepare<[number]>('DELETE FROM subscriptions WHERE id = ?');
  const ofEmail = db.prepare<[string], Row>('SELECT * FROM subscriptions WHERE email = ? ORDER BY id');
  const matching = db.prepare<[string], Row>(
    `SELECT s.* FROM subscriptions s JOIN json_each(?) a ON s.scope = json_extract(a.value, '$[0]') AND s.scope_id = json_extract(a.value, '$[1]')
     WHERE s.confirmed_at IS NOT NULL ORDER BY s.id`,
  );
  const addItem = db.prepare<[number, string, string, string, string]>(
    `INSERT INTO digest_items (subscription_id, item_key, occurred_at, line, path) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (subscription_id, item_key) DO NOTHING`,
  );
  const items = db.prepare<[], DigestItem & { email: string }>(
    `SELECT d.id, d.subscription_id AS subscriptionId, d.item_key AS itemKey, d.occurred_at AS occurredAt, d.line,
       d.path, s.email FROM digest_items d JOIN subscriptions s ON s.id = d.subscription_id ORDER BY d.occurred_at, d.id`,
  );
  const removeItem = db.prepare<[number]>('DELETE FROM digest_items WHERE id = ?');
  const unconfirmedBefore = db.prepare<[string]>(
    'DELETE FROM subscriptions WHERE confirmed_at IS NULL AND created_at < ?',
  );
  const expiredTokens = db.prepare<[string]>(
    `DELETE FROM subscription_tokens WHERE purpose = 'confirm' AND expires_at <= ?`,
  );
  const roundNoticed = db.prepare<[number], number>('SELECT 1 FROM round_overdue_notices WHERE round_id = ?').pluck();
  const markRound = db.prepare<[number, string]>(
    'INSERT INTO round_overdue_notices (round_id, notified_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );

  return {
    /** Whether subscribers were already told that this reporting round is overdue. */
    roundNoticed: (roundId: number): boolean => roundNoticed.get(roundId) !== undefined,
    markRoundNoticed: (roundId: number, now: Date): void => {
      markRound.run(roundId, now.toISOString());
    },
    find: (email: string, scope: SubscriptionScope, scopeId: string): StoredSubscription | undefined => {
      const row = byKey.get(email, scope, scopeId);
      return row && toSubscription(row);
    },
    insert: (s: { email: string; scope: SubscriptionScope; scopeId: string; frequency: Frequency }, now: Date) =>
      insert.get(s.email, s.scope, s.scopeId, s.frequency, now.toISOString())?.id ?? 0,
    setFrequency: (id: number, frequency: Frequency): void => {
      setFrequency.run(frequency, id);
    },
    /** Stores a token's hash for these subscriptions; a confirmation token with its expiry. */
    addToken(hash: string, ids: readonly number[], purpose: 'confirm' | 'unsubscribe', expiresAt: Date | null) {
      for (const id of ids) insertToken.run(hash, id, purpose, expiresAt?.toISOString() ?? null);
    },
    /** The subscriptions a token (by its hash) stands for, if it is valid now. */
    byToken: (hash: string, purpose: 'confirm' | 'unsubscribe', now: Date): StoredSubscription[] =>
      byToken.all(hash, purpose, now.toISOString()).map(toSubscription),
    removeToken: (hash: string): void => {
      removeTokens.run(hash);
    },
    confirm: (id: number, now: Date): boolean => confirm.run(now.toISOString(), id).changes === 1,
    /** Deletes subscriptions with their address, tokens and pending digest lines. */
    remove(ids: readonly number[]): number {
      return ids.reduce((n, id) => n + remove.run(id).changes, 0);
    },
    ofEmail: (email: string): StoredSubscription[] => ofEmail.all(email).map(toSubscription),
    /** Confirmed subscriptions to any scope of the audience. */
    matching(audience: Audience): StoredSubscription[] {
      const pairs = Object.entries(audience).flatMap(([scope, ids]) => ids.map((id) => [scope, id]));
      return pairs.length === 0 ? [] : matching.all(JSON.stringify(pairs)).map(toSubscription);
    },
    addDigestItem(subscriptionId: number, item: Omit<DigestItem, 'id' | 'subscriptionId'>): void {
      addItem.run(subscriptionId, item.itemKey, item.occurredAt, item.line, item.path);
    },
    digestItems: (): (DigestItem & { email: string })[] => items.all(),
    removeDigestItems(ids: readonly number[]): void {
      for (const id of ids) removeItem.run(id);
    },
    /** Deletes subscriptions never confirmed by `before` (their address with them) and expired links. */
    purgeUnconfirmed(before: Date, now: Date): number {
      expiredTokens.run(now.toISOString());
      return unconfirmedBefore.run(before.toISOString()).changes;
    },
  };
}
