import type { User } from '@zielmonitor/shared/schemas/auth';
import type { ReadingBody, ReadingResponse, SupersedeBody } from '@zielmonitor/shared/schemas/indicator-write';
import type { Reading } from '@zielmonitor/shared/schemas/indicator';
import { countingDay, precisionOf } from '@zielmonitor/shared/time/partial-date';
import type { Db } from '../db/database.ts';
import { AppError, notFound } from '../lib/errors.ts';
import { NOW } from '../repositories/current-status-sql.ts';
import type { Repositories } from '../repositories/index.ts';
import type { NewReading } from '../repositories/indicator-writes.ts';
import { actorOf, mayAssess, mayReportIndicator } from './permissions.ts';
import { noticeOfReading, type Notify } from './notices.ts';
import { reporterName, wrongTrack } from './status-updates.ts';
import { pathOf, toReading } from './indicators.ts';

export const forbiddenIndicator = () =>
  new AppError(403, 'FORBIDDEN', 'Diese Kennzahl gehört zu keinem Ziel Ihrer Ressorts.');

const conflict = () =>
  new AppError(
    409,
    'CONFLICT',
    'Inzwischen wurde zu dieser Kennzahl ein neuerer Stand gespeichert. Bitte prüfen Sie ihn und melden Sie dann erneut.',
  );

const invalid = (field: string, message: string) =>
  new AppError(400, 'VALIDATION_ERROR', `Ungültige Anfrage – ${field}: ${message}`, [
    { location: 'body', field, message },
  ]);

/** A value must fit the unit: a share between 0 and 100 %, a count a whole number from 0. */
export function checkValue(unit: 'percent' | 'count', value: number, field: string): void {
  if (unit === 'percent' && (value < 0 || value > 100)) throw invalid(field, 'Ein Anteil liegt zwischen 0 und 100 %');
  if (unit === 'count' && (value < 0 || !Number.isInteger(value)))
    throw invalid(field, 'Eine Anzahl ist eine ganze Zahl ab 0');
}

type ReadingInput = Omit<ReadingBody, 'expectedRevision' | 'track'>;

function newReading(
  indicatorId: string,
  body: ReadingInput,
  who: { reporter: string; track: NewReading['track']; userId: number; organisation: string | null },
  revision: number,
  now: Date,
): NewReading {
  return {
    indicatorId,
    value: body.value,
    qualifier: body.qualifier,
    valueWording: body.valueWording || null,
    date: countingDay(body.date),
    datePrecision: precisionOf(body.date),
    dateWording: body.dateWording || null,
    reporter: who.reporter,
    track: who.track,
    note: body.note === '' ? null : body.note,
    sourceId: null,
    evidenceUrl: body.evidence.url ?? null,
    evidenceReference: body.evidence.reference ?? null,
    recordedAt: now.toISOString(),
    reportedByUserId: who.userId,
    indicatorRevision: revision,
    organisation: who.track === 'independent' ? who.organisation : null,
  };
}

/** The stored reading as the API shows it (rated against the current path). */
function shown(repos: Repositories, indicatorId: string, readingId: number): Reading {
  const indicator = repos.indicators.get(indicatorId);
  const row = repos.indicators.reading(readingId, NOW);
  if (!indicator || !row) throw new Error('stored reading not found');
  return toReading(row, pathOf(repos.indicators.targets(indicatorId)), indicator.direction);
}

/** Authorization, the revision check, the write and the audit entry: one immediate transaction. */
function guarded<T>(
  db: Db,
  repos: Repositories,
  user: User,
  indicatorId: string,
  expectedRevision: number,
  track: 'official' | 'independent' | null,
  write: (unit: 'percent' | 'count', revision: number) => T,
): T {
  return db
    .transaction(() => {
      const indicator = repos.indicators.get(indicatorId);
      if (!indicator) throw notFound(`Kennzahl „${indicatorId}“ nicht gefunden`);
      // A new reading is checked for its track; a correction against the reading it supersedes.
      if (track === null) {
        if (!mayWriteOnIndicator(repos, user, indicatorId)) throw forbiddenIndicator();
      } else if (!mayReportIndicator(repos, user, indicatorId, track)) {
        const actor = actorOf(repos, user);
        // The government on the independent track, or an assessor on the government's: the wrong track.
        throw track === 'independent' || mayAssess(actor) ? wrongTrack(actor) : forbiddenIndicator();
      }
      if (indicator.revision !== expectedRevision) throw conflict();
      return write(indicator.unit, indicator.revision + 1);
    })
    .immediate();
}

/** Whether the user may write on an indicator at all: either track. */
export const mayWriteOnIndicator = (repos: Repositories, user: User, indicatorId: string) =>
  mayReportIndicator(repos, user, indicatorId, 'official') ||
  mayReportIndicator(repos, user, indicatorId, 'independent') ||
  user.role === 'admin';

/**
 * A reading: a controller's (official) for an indicator of their Ressorts, an admin's for every
 * indicator, an assessor's (independent) for any indicator.
 */
export function recordReading(
  db: Db,
  repos: Repositories,
  user: User,
  indicatorId: string,
  body: ReadingBody,
  ip: string,
  notify: Notify,
  now = new Date(),
): ReadingResponse {
  return guarded(db, repos, user, indicatorId, body.expectedRevision, body.track, (unit, revision) => {
    checkValue(unit, body.value, 'value');
    if (!repos.indicatorWrites.bump(indicatorId, body.expectedRevision, now.toISOString())) throw conflict();
    const reading = newReading(
      indicatorId,
      body,
      { reporter: reporterName(user), track: body.track, userId: user.id, organisation: user.organisation },
      revision,
      now,
    );
    const id = repos.indicatorWrites.appendReading(reading);
    const stored = shown(repos, indicatorId, id);
    notify(noticeOfReading(repos, stored, 'reading'));
    repos.audit.append(
      {
        actorId: user.id,
        actor: user.email,
        action: 'indicator.reading',
        entityType: 'indicator',
        entityId: indicatorId,
        ip,
        before: { revision: body.expectedRevision },
        after: { revision, reading: stored },
      },
      now,
    );
    return { indicatorId, revision, reading: stored };
  });
}

/**
 * Corrects or withdraws a reading: the reading stays, a supersession names it with the reason,
 * and from now on it no longer counts. Controllers may do this for official readings of their
 * Ressorts' indicators; an independent reading the organisation that wrote it, and the administration.
 */
export function supersedeReading(
  db: Db,
  repos: Repositories,
  user: User,
  indicatorId: string,
  readingId: number,
  body: SupersedeBody,
  ip: string,
  notify: Notify,
  now = new Date(),
): ReadingResponse & { superseded: Reading } {
  return guarded(db, repos, user, indicatorId, body.expectedRevision, null, (unit, revision) => {
    const original = repos.indicators.reading(readingId, NOW);
    if (!original || original.indicatorId !== indicatorId)
      throw notFound(`Messwert ${readingId} gibt es zu dieser Kennzahl nicht`);
    const own =
      original.track === 'official'
        ? mayReportIndicator(repos, user, indicatorId, 'official')
        : user.role === 'admin' ||
          (mayAssess(actorOf(repos, user)) &&
            original.organisation !== null &&
            original.organisation === user.organisation);
    if (!own) {
      throw new AppError(
        403,
        'FORBIDDEN',
        original.track === 'official'
          ? 'Messwerte der Landesregierung berichtigt oder zieht ein zuständiges Ressort zurück.'
          : 'Unabhängige Messwerte kann nur die Organisation berichtigen oder zurückziehen, die sie gemeldet hat, oder die Administration.',
      );
    }
    if (repos.indicatorWrites.isSuperseded(readingId)) {
      throw new AppError(409, 'ALREADY_SUPERSEDED', 'Dieser Messwert wurde schon berichtigt oder zurückgezogen.');
    }
    if (body.replacement) checkValue(unit, body.replacement.value, 'replacement.value');
    if (!repos.indicatorWrites.bump(indicatorId, body.expectedRevision, now.toISOString())) throw conflict();
    const replacementId = body.replacement
      ? repos.indicatorWrites.appendReading(
          newReading(
            indicatorId,
            body.replacement,
            {
              reporter: original.track === 'official' ? reporterName(user) : original.reporter,
              track: original.track,
              userId: user.id,
              organisation: original.organisation,
            },
            revision,
            now,
          ),
        )
      : null;
    repos.indicatorWrites.supersede({
      readingId,
      kind: body.kind,
      replacementId,
      reason: body.reason,
      recordedAt: now.toISOString(),
      userId: user.id,
    });
    const superseded = shown(repos, indicatorId, readingId);
    const reading = replacementId === null ? superseded : shown(repos, indicatorId, replacementId);
    notify(noticeOfReading(repos, replacementId === null ? superseded : reading, body.kind));
    repos.audit.append(
      {
        actorId: user.id,
        actor: user.email,
        action: body.kind === 'correction' ? 'indicator.reading.correct' : 'indicator.reading.withdraw',
        entityType: 'indicator',
        entityId: indicatorId,
        ip,
        before: { revision: body.expectedRevision, reading: original },
        after: { revision, reason: body.reason, replacement: replacementId === null ? null : reading },
      },
      now,
    );
    return { indicatorId, revision, reading, superseded };
  });
}
