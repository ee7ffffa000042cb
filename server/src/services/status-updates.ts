import type { User } from '@zielmonitor/shared/schemas/auth';
import type { StatusConflict, StatusUpdateBody, StatusUpdateResponse } from '@zielmonitor/shared/schemas/status-update';
import { AppError, notFound } from '../lib/errors.ts';
import type { Db } from '../db/database.ts';
import type { Repositories } from '../repositories/index.ts';
import { canReportFor } from './auth.ts';

class StatusConflictError extends AppError {
  constructor(conflict: StatusConflict) {
    super(
      409,
      'CONFLICT',
      'Inzwischen wurde ein neuerer Stand zu diesem Ziel gemeldet. Bitte prüfen Sie ihn und melden Sie dann erneut.',
      undefined,
      conflict,
    );
  }
}

export const forbidden = () => new AppError(403, 'FORBIDDEN', 'Dieses Ziel gehört nicht zu Ihren Ressorts.');

/**
 * Records an official status report: authorization, the revision check, the event, the new
 * revision and the audit entry happen in one transaction, so two controllers reporting at
 * once never lose an update silently.
 */
export function recordStatusUpdate(
  db: Db,
  repos: Repositories,
  user: User,
  goalId: string,
  body: StatusUpdateBody,
  ip: string,
  now = new Date(),
): StatusUpdateResponse {
  return db
    .transaction(() => {
      const goal = repos.statusWrites.goalForUpdate(goalId);
      if (!goal) throw notFound(`Ziel „${goalId}“ nicht gefunden`);
      if (!canReportFor(user, goal.ressorts)) throw forbidden();
      const before = repos.goals.get(goalId);
      if (goal.revision !== body.expectedRevision) {
        throw new StatusConflictError({
          revision: goal.revision,
          official: before?.official ?? null,
          eventsSince: repos.statusWrites.eventsSince(goalId, body.expectedRevision),
        });
      }
      const reporter =
        user.role === 'admin' ? `${user.name} (Administration)` : `${user.name} (${user.ressorts.join(', ')})`;
      const event = repos.statusWrites.append(
        {
          goalId,
          status: body.status,
          progress: body.progress ?? null,
          effectiveDate: body.effectiveDate,
          effectiveDatePrecision: 'day',
          effectiveDateWording: null,
          recordedAt: now.toISOString(),
          reporter,
          track: 'official',
          originalWording: null,
          note: body.note === '' ? null : body.note,
          evidenceUrl: body.evidence.url ?? null,
          evidenceReference: body.evidence.reference ?? null,
          goalRevision: goal.revision + 1,
          reportedByUserId: user.id,
        },
        goal.revision,
      );
      if (!event) throw new Error('revision moved inside the transaction');
      repos.audit.append(
        {
          actorId: user.id,
          actor: user.email,
          action: 'status.report',
          entityType: 'goal',
          entityId: goalId,
          ip,
          before: { revision: goal.revision, official: before?.official ?? null },
          after: { revision: goal.revision + 1, event },
        },
        now,
      );
      return { goalId, revision: goal.revision + 1, event };
    })
    .immediate();
}
