import type { SnapshotRef } from '@zielmonitor/shared/schemas/point-in-time';
import type { Db } from '../db/database.ts';

type SnapshotRow = {
  id: string;
  title: string;
  created_at: string;
  as_of: string;
  created_by: number | null;
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
  const insert = db.prepare(`INSERT INTO snapshots (id, title, created_at, as_of, created_by, view_json,
      payload_json, content_hash)
    VALUES (@id, @title, @createdAt, @asOf, @createdBy, @viewJson, @payloadJson, @contentHash)`);
  const get = db.prepare<[string], SnapshotRow>('SELECT * FROM snapshots WHERE id = ?');
  const byHash = db.prepare<[string], SnapshotRow>('SELECT * FROM snapshots WHERE content_hash = ?');
  const list = db.prepare<[number], SnapshotRow>('SELECT * FROM snapshots ORDER BY created_at DESC LIMIT ?');

  return {
    insert: (s: StoredSnapshot & { createdBy: number | null }): void => {
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
  };
}
