import crypto from 'node:crypto';
import type { User } from '@zielmonitor/shared/schemas/auth';
import type { SnapshotPayload, SnapshotSummary } from '@zielmonitor/shared/schemas/snapshot';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import type { Db } from '../db/database.ts';
import type { Repositories } from '../repositories/index.ts';
import type { StoredSnapshot } from '../repositories/snapshots.ts';

const slugify = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/ß/g, 'ss')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'snapshot';

const sha256 = (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

export const toSummary = ({ payloadJson: _p, ...s }: StoredSnapshot): SnapshotSummary => ({
  ...s,
  url: `/?snapshot=${s.id}`,
});

/**
 * Freezes the current state: every version's figures on both tracks and every goal, as of
 * today and as known now. The payload is stored byte for byte; its SHA-256 is the content
 * hash shown on screen, so anyone can check a printed figure against it later.
 */
export function createSnapshot(
  db: Db,
  repos: Repositories,
  user: User,
  title: string,
  ip: string,
  now = new Date(),
): SnapshotSummary {
  const at = { asOf: todayInBerlin(now), knownAt: now.toISOString() };
  const payload: SnapshotPayload = {
    ...at,
    versions: repos.versions.list().map((v) => ({
      key: v.key,
      declaredGoalCount: v.declaredGoalCount,
      documentedGoalCount: v.documentedGoalCount,
      official: repos.stats.ressortStats(v.key, 'official', at),
      independent: repos.stats.ressortStats(v.key, 'independent', at),
      goals: repos.goals.list({ version: v.key, sort: 'id', order: 'asc', limit: 100_000, offset: 0 }, at).items,
    })),
  };
  const payloadJson = JSON.stringify(payload);
  const contentHash = sha256(payloadJson);
  const stored: StoredSnapshot = {
    id: `${slugify(title)}-${contentHash.slice(0, 8)}`,
    title,
    createdAt: at.knownAt,
    asOf: at.asOf,
    contentHash,
    payloadJson,
  };
  db.transaction(() => {
    repos.snapshots.insert({ ...stored, createdBy: user.id });
    repos.audit.append(
      {
        actorId: user.id,
        actor: user.email,
        action: 'snapshot.create',
        entityType: 'snapshot',
        entityId: stored.id,
        before: null,
        after: { title, asOf: at.asOf, contentHash },
        ip,
      },
      now,
    );
  })();
  return toSummary(stored);
}
