import type { SnapshotRef } from '@zielmonitor/shared/schemas/point-in-time';
import type { Db } from '../db/database.ts';

type SnapshotRow = {
  id: string;
  title: string;
  created_at: string;
  as_of: string;
  created_by: number | null;
  created_ip_hash: string | null;
  view_json: string | null;
  payload_json: string;
  content_hash: string;
};

export type StoredSnapshot = SnapshotRef & { asOf: string; viewJson: string | null; payloadJson: string };

const toSnapshot = (row: SnapshotRow): StoredSnapshot => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  contentHash: row.content_hash,
  asOf: row.as_of,
  viewJson: row.view_json,
  payloadJson: row.payload_json,
});

export function createSnapshotsRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO snapshots (id, title, created_at, as_of, created_by, created_ip_hash,
      view_json, payload_json, content_hash)
    VALUES (@id, @title, @createdAt, @asOf, @createdBy, @createdIpHash, @viewJson, @payloadJson, @contentHash)`);
  const get = db.prepare<[string], SnapshotRow>('SELECT * FROM snapshots WHERE id = ?');
  const byHash = db.prepare<[string], SnapshotRow>('SELECT * FROM snapshots WHERE content_hash = ?');
  const list = db.prepare<[number], SnapshotRow>('SELECT * FROM snapshots ORDER BY created_at DESC LIMIT ?');
  const byAddressSince = db
    .prepare<[string, string], number>('SELECT count(*) FROM snapshots WHERE created_ip_hash = ? AND created_at > ?')
    .pluck();

  return {
    insert: (s: StoredSnapshot & { createdBy: number | null; createdIpHash: string | null }): void => {
      insert.run(s);
    },
    get: (id: string): StoredSnapshot | undefined => {
      const row = get.get(id);
      return row && toSnapshot(row);
    },
    byHash: (hash: string): StoredSnapshot | undefined => {
      const row = byHash.get(hash);
      return row && toSnapshot(row);
    },
    list: (limit = 100): StoredSnapshot[] => list.all(limit).map(toSnapshot),
    /** Anonymous snapshots made from one address since a moment: the snapshots table is its own ledger. */
    countByAddressSince: (ipHash: string, since: string): number => byAddressSince.get(ipHash, since) ?? 0,
  };
}
export type SnapshotsRepository = ReturnType<typeof createSnapshotsRepository>;
