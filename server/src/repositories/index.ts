import type { Db } from '../db/database.ts';
import { createGoalsRepository } from './goals.ts';
import { createResponsibilityRepository } from './responsibility.ts';
import { createSubmissionsRepository } from './submissions.ts';
import { createRoundsRepository } from './rounds.ts';
import { createIndicatorsRepository } from './indicators.ts';
import { createIndicatorWritesRepository } from './indicator-writes.ts';
import { createCatalogRepository } from './catalog.ts';
import { createReportedFiguresRepository } from './reported-figures.ts';
import { createRessortsRepository } from './ressorts.ts';
import { createSourcesRepository } from './sources.ts';
import { createStatsRepository } from './stats.ts';
import { createVersionsRepository } from './versions.ts';
import { createAuditRepository } from './audit.ts';
import { createLoginAttemptsRepository } from './login-attempts.ts';
import { createSessionsRepository } from './sessions.ts';
import { createStatusWritesRepository } from './status-writes.ts';
import { createUsersRepository } from './users.ts';
import { createSnapshotsRepository } from './snapshots.ts';
import { createTimelineRepository } from './timeline.ts';
import { createChangesRepository } from './changes.ts';
import { createGoalWritesRepository } from './goal-writes.ts';
import { createLineageRepository } from './lineage.ts';
import { createPeriodsRepository } from './periods.ts';
import { createRateLimitsRepository } from './rate-limits.ts';
import { createKnowledgeRepository } from './knowledge.ts';
import { createMailQueueRepository } from './mail-queue.ts';
import { createSecondFactorsRepository } from './second-factors.ts';
import { createPasswordLinksRepository } from './password-links.ts';
import { createRepliesRepository } from './replies.ts';
import { createCorrectionRequestsRepository } from './correction-requests.ts';
import { createSubscriptionsRepository } from './subscriptions.ts';

export function createRepositories(db: Db) {
  const sources = createSourcesRepository(db);
  const responsibility = createResponsibilityRepository(db);
  const indicators = createIndicatorsRepository(db);
  const replies = createRepliesRepository(db);
  return {
    sources,
    indicators,
    versions: createVersionsRepository(db),
    ressorts: createRessortsRepository(db),
    goals: createGoalsRepository(db, sources, indicators, responsibility, replies),
    responsibility,
    submissions: createSubmissionsRepository(db),
    rounds: createRoundsRepository(db),
    stats: createStatsRepository(db),
    reportedFigures: createReportedFiguresRepository(db, sources),
    statusWrites: createStatusWritesRepository(db),
    users: createUsersRepository(db),
    sessions: createSessionsRepository(db),
    loginAttempts: createLoginAttemptsRepository(db),
    audit: createAuditRepository(db),
    snapshots: createSnapshotsRepository(db),
    timeline: createTimelineRepository(db),
    changes: createChangesRepository(db),
    goalWrites: createGoalWritesRepository(db),
    lineage: createLineageRepository(db),
    periods: createPeriodsRepository(db),
    rateLimits: createRateLimitsRepository(db),
    indicatorWrites: createIndicatorWritesRepository(db),
    catalog: createCatalogRepository(db),
    knowledge: createKnowledgeRepository(db),
    mailQueue: createMailQueueRepository(db),
    secondFactors: createSecondFactorsRepository(db),
    passwordLinks: createPasswordLinksRepository(db),
    replies,
    correctionRequests: createCorrectionRequestsRepository(db),
    subscriptions: createSubscriptionsRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
