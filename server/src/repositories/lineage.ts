import type { LineageType } from '@zielmonitor/shared/schemas/goal';
import type { Db } from '../db/database.ts';

export type LinkRow = {
  fromGoalId: string;
  toGoalId: string;
  type: LineageType;
  certainty: 'documented' | 'probable';
  basis: string | null;
};

export function createLineageRepository(db: Db) {
  const links = db.prepare<
    [{ from: string; to: string }],
    LinkRow
  >(`SELECT l.from_goal_id AS fromGoalId, l.to_goal_id AS toGoalId,
      l.type, l.certainty, l.basis
    FROM lineage_links l JOIN goals f ON f.id = l.from_goal_id JOIN goals t ON t.id = l.to_goal_id
    WHERE f.version_key = @from AND t.version_key = @to ORDER BY l.from_goal_id, l.to_goal_id`);
  return { links: (from: string, to: string): LinkRow[] => links.all({ from, to }) };
}
