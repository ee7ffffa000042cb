import type { User } from '@zielmonitor/shared/schemas/auth';
import type { ErrorIssue } from '@zielmonitor/shared/schemas/error';
import type {
  CreateIndicatorBody,
  IndicatorBody,
  UpdateIndicatorBody,
} from '@zielmonitor/shared/schemas/indicator-write';
import { countingDay, precisionOf } from '@zielmonitor/shared/time/partial-date';
import type { Db } from '../db/database.ts';
import { AppError, notFound } from '../lib/errors.ts';
import type { IndicatorFields } from '../repositories/indicator-writes.ts';
import type { Repositories } from '../repositories/index.ts';

/**
 * Checks an indicator definition against the record: its goals and sources exist, at most one
 * baseline and one target, interim targets between them, values that fit the unit, and every
 * target point backed by a source or evidence. All problems at once, each naming its field.
 */
function toFields(repos: Repositories, id: string, body: IndicatorBody): IndicatorFields {
  const issues: ErrorIssue[] = [];
  const problem = (field: string, message: string) => issues.push({ location: 'body', field, message });
  body.goals.forEach((g, i) => {
    if (!repos.goalWrites.get(g.goalId)) problem(`goals.${i}.goalId`, `unbekanntes Ziel „${g.goalId}“`);
  });
  if (new Set(body.goals.map((g) => g.goalId)).size !== body.goals.length)
    problem('goals', 'ein Ziel ist doppelt genannt');
  const days = body.targets.map((t) => countingDay(t.date));
  body.targets.forEach((t, i) => {
    if (t.sourceId && !repos.sources.byId(t.sourceId))
      problem(`targets.${i}.sourceId`, `unbekannte Quelle „${t.sourceId}“`);
    if (!t.sourceId && !t.evidence?.url && !t.evidence?.reference) {
      problem(`targets.${i}.sourceId`, 'Jeder Zielwert braucht eine Quelle oder einen Beleg');
    }
    if (body.unit === 'percent' && (t.value < 0 || t.value > 100))
      problem(`targets.${i}.value`, 'Ein Anteil liegt zwischen 0 und 100 %');
    if (body.unit === 'count' && t.value < 0) problem(`targets.${i}.value`, 'Eine Anzahl ist nicht negativ');
  });
  for (const kind of ['baseline', 'target'] as const) {
    if (body.targets.filter((t) => t.kind === kind).length > 1) {
      problem('targets', kind === 'baseline' ? 'höchstens ein Ausgangswert' : 'höchstens ein Zielwert');
    }
  }
  const baseline = body.targets.findIndex((t) => t.kind === 'baseline');
  const target = body.targets.findIndex((t) => t.kind === 'target');
  const from = days[baseline];
  const to = days[target];
  if (from !== undefined && to !== undefined && to <= from)
    problem(`targets.${target}.date`, 'Der Zielwert liegt nicht nach dem Ausgangswert');
  body.targets.forEach((t, i) => {
    const day = days[i];
    if (
      t.kind === 'interim' &&
      day !== undefined &&
      ((from !== undefined && day <= from) || (to !== undefined && day >= to))
    ) {
      problem(`targets.${i}.date`, 'Ein Zwischenziel liegt zwischen Ausgangswert und Zielwert');
    }
  });
  if (body.unit === 'count' && (!body.unitSingular || !body.unitPlural)) {
    problem('unitPlural', 'Bei einer Anzahl bitte sagen, was gezählt wird (Einzahl und Mehrzahl)');
  }
  if (issues.length > 0) {
    const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    throw new AppError(400, 'VALIDATION_ERROR', `Ungültige Anfrage – ${summary}`, issues);
  }
  const orNull = (v: string | undefined) => (v === undefined || v === '' ? null : v);
  return {
    id,
    name: body.name,
    measure: body.measure,
    unit: body.unit,
    unitSingular: orNull(body.unitSingular),
    unitPlural: orNull(body.unitPlural),
    direction: body.direction,
    note: orNull(body.note),
    goals: body.goals.map((g) => ({ goalId: g.goalId, basis: orNull(g.basis) })),
    targets: body.targets.map((t) => ({
      kind: t.kind,
      value: t.value,
      date: countingDay(t.date),
      datePrecision: precisionOf(t.date),
      dateWording: orNull(t.dateWording),
      wording: orNull(t.wording),
      note: orNull(t.note),
      sourceId: t.sourceId ?? null,
      evidenceUrl: t.evidence?.url ?? null,
      evidenceReference: t.evidence?.reference ?? null,
    })),
  };
}

const audit = (
  repos: Repositories,
  user: User,
  ip: string,
  action: string,
  id: string,
  before: unknown,
  after: unknown,
) =>
  repos.audit.append({
    actorId: user.id,
    actor: user.email,
    action,
    entityType: 'indicator',
    entityId: id,
    before,
    after,
    ip,
  });

/** An admin creates an indicator: definition, goals and target points in one audited transaction. */
export function createIndicator(db: Db, repos: Repositories, user: User, body: CreateIndicatorBody, ip: string): void {
  db.transaction(() => {
    if (repos.indicatorWrites.exists(body.id)) {
      throw new AppError(409, 'CONFLICT', `Die Kennzahl-ID „${body.id}“ ist schon vergeben.`);
    }
    const fields = toFields(repos, body.id, body);
    repos.indicatorWrites.create(fields, new Date().toISOString());
    audit(repos, user, ip, 'indicator.create', body.id, null, fields);
  }).immediate();
}

/** An admin edits an indicator; the readings stay as they are. Conflict-safe through the revision. */
export function updateIndicator(
  db: Db,
  repos: Repositories,
  user: User,
  id: string,
  body: UpdateIndicatorBody,
  ip: string,
): void {
  db.transaction(() => {
    const revision = repos.indicatorWrites.revision(id);
    if (revision === undefined) throw notFound(`Kennzahl „${id}“ nicht gefunden`);
    if (revision !== body.expectedRevision) {
      throw new AppError(
        409,
        'CONFLICT',
        'Die Kennzahl wurde inzwischen geändert. Bitte neu laden und erneut bearbeiten.',
      );
    }
    const fields = toFields(repos, id, body);
    const before = {
      indicator: repos.indicators.get(id),
      goals: repos.indicators.goals(id),
      targets: repos.indicators.targets(id),
    };
    repos.indicatorWrites.bump(id, revision, new Date().toISOString());
    repos.indicatorWrites.update(fields);
    audit(repos, user, ip, 'indicator.update', id, before, fields);
  }).immediate();
}
