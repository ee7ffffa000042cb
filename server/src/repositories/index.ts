import type { Db } from '../db/database.ts';
import { createGoalsRepository } from './goals.ts';
import { createReportedFiguresRepository } from './reported-figures.ts';
import { createRessortsRepository } from './ressorts.ts';
import { createSourcesRepository } from './sources.ts';
import { createStatsRepository } from './stats.ts';
import { createVersionsRepository } from './versions.ts';

export function createRepositories(db: Db) {
  const sources = createSourcesRepository(db);
  return {
    sources,
    versions: createVersionsRepository(db),
    ressorts: createRessortsRepository(db),
    goals: createGoalsRepository(db, sources),
    stats: createStatsRepository(db),
    reportedFigures: createReportedFiguresRepository(db, sources),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
