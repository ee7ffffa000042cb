import type { User } from '@zielmonitor/shared/schemas/auth';
import type { RoundDetail } from '@zielmonitor/shared/schemas/round';
import type { Db } from '../db/database.ts';
import { AppError, notFound } from '../lib/errors.ts';
import type { Repositories } from '../repositories/index.ts';
import { roundDetail } from './rounds.ts';
import { createSnapshot } from './snapshots.ts';

/** Closes a round and freezes it as a snapshot: what was reported, pending and missing then, for good. */
export function closeRound(
  db: Db,
  repos: Repositories,
  user: User,
  id: number,
  ip: string,
  origin: string,
  now = new Date(),
): RoundDetail {
  const round = repos.rounds.get(id);
  if (!round) throw notFound(`Berichtsrunde ${id} nicht gefunden`);
  if (round.closedAt) throw new AppError(409, 'ALREADY_CLOSED', 'Diese Berichtsrunde ist bereits abgeschlossen.');
  const snapshot = createSnapshot(
    db,
    repos,
    user,
    { title: `Berichtsrunde „${round.name}“`, view: { path: `/runden/${id}`, params: { version: round.version } } },
    ip,
    origin,
    now,
  );
  db.transaction(() => {
    if (!repos.rounds.close({ id, at: now.toISOString(), by: user.id, snapshotId: snapshot.id })) {
      throw new AppError(409, 'ALREADY_CLOSED', 'Diese Berichtsrunde ist bereits abgeschlossen.');
    }
    repos.audit.append(
      {
        actorId: user.id,
        actor: user.email,
        action: 'round.close',
        entityType: 'round',
        entityId: String(id),
        before: { closedAt: null },
        after: { closedAt: now.toISOString(), snapshot: snapshot.id, contentHash: snapshot.contentHash },
        ip,
      },
      now,
    );
  })();
  return roundDetail(repos, id);
}
