import type { Ressort } from '@zielmonitor/shared/schemas/ressort';
import type { Db } from '../db/database.ts';

type RessortRow = { code: string; name: string | null; valid_from: string | null; valid_to: string | null };
type SuccessionRow = { from_code: string; to_code: string; note: string | null };

export function createRessortsRepository(db: Db) {
  const list = db.prepare<[], RessortRow>(
    'SELECT code, name, valid_from, valid_to FROM ressorts ORDER BY valid_from, code',
  );
  const successions = db.prepare<[], SuccessionRow>(
    'SELECT from_code, to_code, note FROM ressort_successions ORDER BY from_code, to_code',
  );
  const exists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM ressorts WHERE code = ?');

  return {
    list(): Ressort[] {
      const byFrom = new Map<string, SuccessionRow[]>();
      for (const s of successions.all()) byFrom.set(s.from_code, [...(byFrom.get(s.from_code) ?? []), s]);
      return list.all().map((row) => ({
        code: row.code,
        name: row.name,
        validFrom: row.valid_from,
        validTo: row.valid_to,
        successors: (byFrom.get(row.code) ?? []).map((s) => ({ code: s.to_code, note: s.note })),
      }));
    },
    exists: (code: string): boolean => exists.get(code) !== undefined,
  };
}
