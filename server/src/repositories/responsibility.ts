import type { Db } from '../db/database.ts';
import type { Assignment, RessortCut } from '../lib/responsibility.ts';

/** The Ressort cuts with their successions, and the administration's assignments of goals. */
export function createResponsibilityRepository(db: Db) {
  const cuts = db.prepare<
    [],
    { code: string; valid_from: string | null; valid_to: string | null; successors: string | null }
  >(
    `SELECT r.code, r.valid_from, r.valid_to,
       (SELECT group_concat(to_code, ',') FROM (SELECT to_code FROM ressort_successions
          WHERE from_code = r.code ORDER BY to_code)) AS successors
     FROM ressorts r`,
  );
  // The latest assignment per goal valid on a day: by the day it applies from, then entry order.
  const assignments = db.prepare<
    [{ day: string }],
    { goal_id: string; ressort_code: string; valid_from: string; basis: string }
  >(
    `SELECT a.goal_id, a.ressort_code, a.valid_from, a.basis FROM goal_assignments a
     WHERE a.id = (SELECT b.id FROM goal_assignments b WHERE b.goal_id = a.goal_id AND b.valid_from <= @day
                   ORDER BY b.valid_from DESC, b.id DESC LIMIT 1)`,
  );
  const insert =
    db.prepare(`INSERT INTO goal_assignments (goal_id, ressort_code, valid_from, basis, assigned_by, assigned_at)
    VALUES (@goalId, @ressort, @validFrom, @basis, @userId, @at)`);

  return {
    cuts(): Map<string, RessortCut> {
      return new Map(
        cuts.all().map((row) => [
          row.code,
          {
            code: row.code,
            validFrom: row.valid_from,
            validTo: row.valid_to,
            successors: row.successors ? row.successors.split(',') : [],
          },
        ]),
      );
    },
    /** Per goal, the assignment valid on `day`. */
    assignments(day: string): Map<string, Assignment> {
      return new Map(
        assignments
          .all({ day })
          .map((row) => [row.goal_id, { ressort: row.ressort_code, validFrom: row.valid_from, basis: row.basis }]),
      );
    },
    assign(row: {
      goalId: string;
      ressort: string;
      validFrom: string;
      basis: string;
      userId: number;
      at: string;
    }): void {
      insert.run(row);
    },
  };
}
export type ResponsibilityRepository = ReturnType<typeof createResponsibilityRepository>;
