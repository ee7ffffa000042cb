import { countingDay, precisionOf } from '@zielmonitor/shared/time/partial-date';
import type { Db } from '../db/database.ts';
import type { SeedData } from './seed-schema.ts';

/** Every indicator names existing goals and sources, has at most one baseline and one target. */
export function checkIndicatorReferences(seed: SeedData): string[] {
  const problems: string[] = [];
  const sources = new Set(seed.sources.map((s) => s.id));
  const goals = new Set(seed.goals.map((g) => g.id));
  const indicators = new Set<string>();
  for (const i of seed.indicators) {
    if (indicators.has(i.id)) problems.push(`indicator ${i.id}: twice`);
    indicators.add(i.id);
    for (const g of i.goals) if (!goals.has(g.goalId)) problems.push(`indicator ${i.id}: unknown goal ${g.goalId}`);
    for (const t of i.targets) {
      if (!sources.has(t.sourceId)) problems.push(`indicator ${i.id} ${t.kind}: unknown source ${t.sourceId}`);
    }
    for (const kind of ['baseline', 'target'] as const) {
      if (i.targets.filter((t) => t.kind === kind).length > 1)
        problems.push(`indicator ${i.id}: more than one ${kind}`);
    }
  }
  seed.indicatorReadings.forEach((r, n) => {
    if (!indicators.has(r.indicatorId)) problems.push(`indicator reading ${n}: unknown indicator ${r.indicatorId}`);
    if (!sources.has(r.sourceId))
      problems.push(`indicator reading ${n} (${r.indicatorId}): unknown source ${r.sourceId}`);
  });
  return problems;
}

/**
 * Indicators, target points and readings. A date stated to the month or year is stored as the
 * day it counts from (its last day) with its precision. A reading counts as known ("recorded")
 * from the date of its source, or its own date where the source has none: a value published in
 * 2023 about 2018 was not known in 2018.
 */
export function insertIndicators(db: Db, seed: SeedData, now: string): void {
  const sourceDate = new Map(seed.sources.map((s) => [s.id, s.date]));
  const insertIndicator = db.prepare(`INSERT INTO indicators (id, name, measure, unit, unit_singular, unit_plural,
      direction, note, revision, created_at, updated_at)
    VALUES (@id, @name, @measure, @unit, @unitSingular, @unitPlural, @direction, @note, 0, @now, @now)`);
  const insertGoal = db.prepare('INSERT INTO indicator_goals (indicator_id, goal_id, basis) VALUES (?, ?, ?)');
  const insertTarget = db.prepare(`INSERT INTO indicator_targets (indicator_id, kind, value, date, date_precision,
      date_wording, wording, note, source_id, evidence_url, evidence_reference)
    VALUES (@indicatorId, @kind, @value, @date, @precision, @dateWording, @wording, @note, @sourceId, @url, @reference)`);
  for (const i of seed.indicators) {
    insertIndicator.run({ ...i, goals: undefined, targets: undefined, now });
    for (const g of i.goals) insertGoal.run(i.id, g.goalId, g.basis);
    for (const t of i.targets) {
      insertTarget.run({
        ...t,
        indicatorId: i.id,
        date: countingDay(t.date),
        precision: precisionOf(t.date),
        url: t.evidence.url,
        reference: t.evidence.reference,
        evidence: undefined,
      });
    }
  }
  const insertReading = db.prepare(`INSERT INTO indicator_readings (indicator_id, value, qualifier, value_wording,
      date, date_precision, date_wording, reporter, track, note, source_id, evidence_url, evidence_reference, recorded_at)
    VALUES (@indicatorId, @value, @qualifier, @valueWording, @day, @precision, @dateWording, @reporter, @track, @note,
      @sourceId, @url, @reference, @recordedAt)`);
  for (const r of seed.indicatorReadings) {
    const day = countingDay(r.date);
    const published = sourceDate.get(r.sourceId);
    const known = published && countingDay(published) > day ? countingDay(published) : day;
    insertReading.run({
      ...r,
      evidence: undefined,
      day,
      precision: precisionOf(r.date),
      url: r.evidence.url,
      reference: r.evidence.reference,
      recordedAt: `${known}T00:00:00.000Z`,
    });
  }
}
