import type { StrategyVersion } from '@zielmonitor/shared/schemas/version';
import type { Db } from '../db/database.ts';

type VersionRow = {
  key: string;
  title: string;
  presented_on: string;
  declared_goal_count: number;
  documented_goal_count: number;
};

const toVersion = (row: VersionRow): StrategyVersion => ({
  key: row.key,
  title: row.title,
  presentedOn: row.presented_on,
  declaredGoalCount: row.declared_goal_count,
  documentedGoalCount: row.documented_goal_count,
});

export function createVersionsRepository(db: Db) {
  const select = `SELECT v.key, v.title, v.presented_on, v.declared_goal_count,
      (SELECT count(*) FROM goals g WHERE g.version_key = v.key) AS documented_goal_count
    FROM strategy_versions v`;
  const list = db.prepare<[], VersionRow>(`${select} ORDER BY v.presented_on`);
  const get = db.prepare<[string], VersionRow>(`${select} WHERE v.key = ?`);

  return {
    list: (): StrategyVersion[] => list.all().map(toVersion),
    get: (key: string): StrategyVersion | undefined => {
      const row = get.get(key);
      return row && toVersion(row);
    },
  };
}
