import type { LegislativePeriod } from '@zielmonitor/shared/schemas/stats';
import type { Db } from '../db/database.ts';

export function createPeriodsRepository(db: Db) {
  const list = db.prepare<[], LegislativePeriod>(`SELECT key, name, starts_on AS startsOn, ends_on AS endsOn, note
    FROM legislative_periods ORDER BY starts_on`);
  return { list: (): LegislativePeriod[] => list.all() };
}
