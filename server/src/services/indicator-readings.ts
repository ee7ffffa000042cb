import type {
  CheckedReading,
  ReadingBody,
  ReadingResponse,
  SupersedeBody,
} from '@zielmonitor/shared/schemas/indicator-write';
import type { Reading } from '@zielmonitor/shared/schemas/indicator';
import type { Track } from '@zielmonitor/shared/schemas/common';
import type { SubmissionResponse } from '@zielmonitor/shared/schemas/submission';
import { countingDay, precisionOf } from '@zielmonitor/shared/time/partial-date';
import { AppError, notFound } from '../lib/errors.ts';
import { NOW } from '../repositories/current-status-sql.ts';
import type { Repositories } from '../repositories/index.ts';
import type { IndicatorRow, ReadingRow } from '../repositories/indicator-rows.ts';
import type { NewReading } from '../repositories/indicator-writes.ts';
import { actorOf, mayAssess, mayReportIndicator } from './permissions.ts';
import { noticeOfReading } from './notices.ts';
import { pathOf, toReading } from './indicators.ts';
import { submitReading } from './reading-submissions.ts';
import { reporterName, wrongTrack, type Author, type WriteContext } from './status-updates.ts';

export const forbiddenIndicator = () =>
  new AppError(403, 'FORBIDDEN', 'Diese Kennzahl gehört zu keinem Ziel Ihrer Ressorts.');

export const readingConflict = () =>
  new AppError(
    409,
    'CONFLICT',
    'Inzwischen wurde zu dieser Kennzahl ein neuerer Stand gespeichert. Bitte prüfen Sie ihn und melden Sie dann erneut.',
  );

/** What is wrong with a value in the indicator's unit: a share lies between 0 and 100 %, a count is whole from 0. */
export function valueProblem(unit: IndicatorRow['unit'], value: number): string | null {
  if (unit === 'percent' && (value < 0 || value > 100)) return 'Ein Anteil liegt zwischen 0 und 100 %';
  if (unit === 'count' && (value < 0 || !Number.isInteger(value))) return 'Eine Anzahl ist eine ganze Zahl ab 0';
  return null;
}

export function checkValue(unit: IndicatorRow['unit'], value: number, field: string): void {
  const message = valueProblem(unit, value);
  if (message === null) return;
  throw new AppError(400, 'VALIDATION_ERROR', `Ungültige Anfrage – ${field}: ${message}`, [
    { location: 'body', field, message },
  ]);
}

/** A reading as it enters the public record: directly, or when a second person releases it. */
export type ReadingWrite =
  | { kind: 'report'; track: Track; reading: CheckedReading }
  | { kind: 'correction'; target: ReadingRow; reason: string; reading: CheckedReading }
  | { kind: 'withdrawal'; target: ReadingRow; reason: string };

type Publication = { recordedAt: string; releasedBy: number | null };

/**
 * Writes a reading, correction or withdrawal into the public record; answers the reading it is
 * about (the new one, or the withdrawn one). A correction keeps the corrected reading's track;
 * an independent reading keeps the reporter it had.
 */
export function publishReading(
  repos: Repositories,
  indicatorId: string,
  revision: number,
  write: ReadingWrite,
  author: Author,
  publication: Publication,
): number {
  const append = (body: CheckedReading, track: NewReading['track'], reporter: string, organisation: string | null) =>
    repos.indicatorWrites.appendReading({
      indicatorId,
      value: body.value,
      qualifier: body.qualifier,
      valueWording: body.valueWording || null,
      date: countingDay(body.date),
      datePrecision: precisionOf(body.date),
      dateWording: body.dateWording || null,
      reporter,
      track,
      note: body.note === '' ? null : body.note,
      sourceId: null,
      evidenceUrl: body.evidence.url ?? null,
      evidenceReference: body.evidence.reference ?? null,
      recordedAt: publication.recordedAt,
      reportedByUserId: author.userId,
      releasedByUserId: publication.releasedBy,
      indicatorRevision: revision,
      // An independent reading names the organisation that may correct it.
      organisation: track === 'independent' ? organisation : null,
    });
  if (write.kind === 'report') return append(write.reading, write.track, author.reporter, author.organisation);
  const { target } = write;
  const replacement =
    write.kind === 'correction'
      ? append(
          write.reading,
          target.track,
          target.track === 'official' ? author.reporter : target.reporter,
          target.organisation,
        )
      : null;
  repos.indicatorWrites.supersede({
    readingId: target.id,
    kind: write.kind,
    replacementId: replacement,
    reason: write.reason,
    recordedAt: publication.recordedAt,
    userId: author.userId,
    releasedBy: publication.releasedBy,
  });
  return replacement ?? target.id;
}

/** The stored reading as the API shows it (rated against the current path). */
export function shownReading(repos: Repositories, indicatorId: string, readingId: number): Reading {
  const indicator = repos.indicators.get(indicatorId);
  const row = repos.indicators.reading(readingId, NOW);
  if (!indicator || !row) throw new Error('stored reading not found');
  return toReading(row, pathOf(repos.indicators.targets(indicatorId)), indicator.direction);
}

/** The reading to be superseded: of this indicator, not superseded yet, none waiting, one the user may. */
function readingToSupersede(ctx: WriteContext, indicatorId: string, readingId: number): ReadingRow {
  const original = ctx.repos.indicators.reading(readingId, NOW);
  if (!original || original.indicatorId !== indicatorId)
    throw notFound(`Messwert ${readingId} gibt es zu dieser Kennzahl nicht`);
  const { repos, user } = ctx;
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
  if (ctx.repos.indicatorWrites.isSuperseded(readingId)) {
    throw new AppError(409, 'ALREADY_SUPERSEDED', 'Dieser Messwert wurde schon berichtigt oder zurückgezogen.');
  }
  if (ctx.repos.submissions.readingTargetPending(readingId)) {
    throw new AppError(
      409,
      'ALREADY_SUPERSEDED',
      'Eine Berichtigung oder Rücknahme dieses Messwerts wartet bereits auf Freigabe.',
    );
  }
  return original;
}

type WriteResult = { status: 201; body: ReadingResponse } | { status: 202; body: SubmissionResponse };

/**
 * A write to an indicator's readings. With review required, an official one waits as a submission
 * for a second person (202); otherwise — and always for independent readings, which no ministry
 * releases — it enters the public record at once (201). Authorization, the revision check, the
 * write, the new revision and the audit entry happen in one immediate transaction.
 */
function write(
  ctx: WriteContext,
  indicatorId: string,
  expectedRevision: number,
  track: Track | null,
  prepare: (indicator: IndicatorRow) => ReadingWrite,
): WriteResult {
  const { repos, user, now, ip } = ctx;
  return ctx.db
    .transaction((): WriteResult => {
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
      if (indicator.revision !== expectedRevision) throw readingConflict();
      const readingWrite = prepare(indicator);
      const writtenTrack = readingWrite.kind === 'report' ? readingWrite.track : readingWrite.target.track;
      if (!repos.indicatorWrites.bump(indicatorId, expectedRevision, now.toISOString())) throw readingConflict();
      const revision = expectedRevision + 1;
      if (ctx.reviewRequired && writtenTrack === 'official') {
        return { status: 202, body: submitReading(ctx, indicator, expectedRevision, revision, readingWrite) };
      }
      const author = { userId: user.id, reporter: reporterName(user), organisation: user.organisation };
      const publication = { recordedAt: now.toISOString(), releasedBy: null };
      const readingId = publishReading(repos, indicatorId, revision, readingWrite, author, publication);
      const reading = shownReading(repos, indicatorId, readingId);
      ctx.notify(noticeOfReading(repos, reading, readingWrite.kind === 'report' ? 'reading' : readingWrite.kind));
      repos.audit.append(
        {
          actorId: user.id,
          actor: user.email,
          entityType: 'indicator',
          entityId: indicatorId,
          ip,
          ...(readingWrite.kind === 'report'
            ? {
                action: 'indicator.reading',
                before: { revision: expectedRevision },
                after: { revision, reading },
              }
            : {
                action: readingWrite.kind === 'correction' ? 'indicator.reading.correct' : 'indicator.reading.withdraw',
                before: { revision: expectedRevision, reading: readingWrite.target },
                after: {
                  revision,
                  reason: readingWrite.reason,
                  replacement: readingWrite.kind === 'correction' ? reading : null,
                },
              }),
        },
        now,
      );
      return { status: 201, body: { indicatorId, revision, reading } };
    })
    .immediate();
}

/** Whether the user may write on an indicator at all: either track. */
export const mayWriteOnIndicator = (repos: Repositories, user: WriteContext['user'], indicatorId: string) =>
  mayReportIndicator(repos, user, indicatorId, 'official') ||
  mayReportIndicator(repos, user, indicatorId, 'independent') ||
  user.role === 'admin';

/**
 * A reading: a controller's (official) for an indicator of their Ressorts, an admin's for every
 * indicator, an assessor's (independent) for any indicator.
 */
export const recordReading = (ctx: WriteContext, indicatorId: string, body: ReadingBody): WriteResult =>
  write(ctx, indicatorId, body.expectedRevision, body.track, (indicator) => {
    const { expectedRevision: _revision, track, ...reading } = body;
    checkValue(indicator.unit, reading.value, 'value');
    return { kind: 'report', track, reading };
  });

/**
 * Corrects or withdraws a reading: the reading stays, a supersession names it with the reason,
 * and from then on it no longer counts. Controllers may do this for official readings of their
 * Ressorts' indicators; an independent reading the organisation that wrote it, and the administration.
 */
export const supersedeReading = (
  ctx: WriteContext,
  indicatorId: string,
  readingId: number,
  body: SupersedeBody,
): WriteResult =>
  write(ctx, indicatorId, body.expectedRevision, null, (indicator) => {
    const target = readingToSupersede(ctx, indicatorId, readingId);
    if (body.kind === 'withdrawal') return { kind: 'withdrawal', target, reason: body.reason };
    if (!body.replacement) throw new Error('SupersedeBody let a correction without its value through');
    checkValue(indicator.unit, body.replacement.value, 'replacement.value');
    return { kind: 'correction', target, reason: body.reason, reading: body.replacement };
  });
