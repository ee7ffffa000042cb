import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Db } from '../db/database.ts';
import { foldText } from '../lib/fold-text.ts';
import { countingDay, precisionOf, statedDate } from '@zielmonitor/shared/time/partial-date';
import { SEED_FILES, SeedData } from './seed-schema.ts';
import { checkIndicatorReferences, insertIndicators } from './seed-indicators.ts';

/** Reads and validates every file in data/; a problem names the file, the record and the field. */
export function readSeed(dir: string): SeedData {
  const raw: Record<string, unknown> = {};
  for (const [part, file] of Object.entries(SEED_FILES)) {
    raw[part] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  }
  const parsed = SeedData.safeParse(raw);
  if (!parsed.success) throw new Error(`Seed data in ${dir} is invalid:\n${describeIssues(parsed.error)}`);
  const problems = checkSeedReferences(parsed.data);
  if (problems.length > 0) throw new Error(`Seed data in ${dir} is inconsistent:\n${problems.join('\n')}`);
  return parsed.data;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 20)
    .map((issue) => {
      const [part, ...rest] = issue.path;
      const file = Object.entries(SEED_FILES).find(([key]) => key === part)?.[1] ?? String(part);
      return `- ${file} ${rest.join('.')}: ${issue.message}`;
    })
    .join('\n');
}

/** Every reference in the seed must point at a record that exists. */
export function checkSeedReferences(seed: SeedData): string[] {
  const problems: string[] = [];
  const sourceIds = new Set(seed.sources.map((s) => s.id));
  const versions = new Set(seed.versions.map((v) => v.key));
  const ressorts = new Set(seed.ressorts.map((r) => r.code));
  const goals = new Set(seed.goals.map((g) => g.id));
  const needSource = (where: string, id: string) => {
    if (!sourceIds.has(id)) problems.push(`${where}: unknown source ${id}`);
  };
  for (const v of seed.versions) {
    v.sourceIds.forEach((id) => needSource(`version ${v.key}`, id));
    if (v.horizonDefinition) needSource(`version ${v.key} horizon`, v.horizonDefinition.sourceId);
  }
  for (const r of seed.ressorts) {
    r.sourceIds.forEach((id) => needSource(`ressort ${r.code}`, id));
    for (const s of r.successors) {
      if (!ressorts.has(s.code)) problems.push(`ressort ${r.code}: unknown successor ${s.code}`);
      needSource(`ressort ${r.code} successor`, s.sourceId);
    }
  }
  for (const g of seed.goals) {
    if (!versions.has(g.version)) problems.push(`goal ${g.id}: unknown version ${g.version}`);
    for (const code of [g.leadRessort, ...g.coRessorts]) {
      if (code !== null && !ressorts.has(code)) problems.push(`goal ${g.id}: unknown ressort ${code}`);
    }
    g.sourceIds.forEach((id) => needSource(`goal ${g.id}`, id));
    g.origin?.sourceIds.forEach((id) => needSource(`goal ${g.id} origin`, id));
  }
  seed.statusEvents.forEach((e, i) => {
    if (!goals.has(e.goalId)) problems.push(`status event ${i}: unknown goal ${e.goalId}`);
    needSource(`status event ${i} (${e.goalId})`, e.sourceId);
  });
  for (const l of seed.lineage) {
    for (const id of [l.fromGoalId, l.toGoalId]) if (!goals.has(id)) problems.push(`lineage: unknown goal ${id}`);
    l.sourceIds.forEach((id) => needSource(`lineage ${l.fromGoalId}→${l.toGoalId}`, id));
  }
  for (const p of seed.legislativePeriods) p.sourceIds.forEach((id) => needSource(`period ${p.key}`, id));
  for (const f of seed.reportedFigures) {
    if (!versions.has(f.version)) problems.push(`figure ${f.id}: unknown version ${f.version}`);
    if (f.ressort !== null && !ressorts.has(f.ressort)) problems.push(`figure ${f.id}: unknown ressort ${f.ressort}`);
    [f.sourceId, ...f.alsoSourceIds].forEach((id) => needSource(`figure ${f.id}`, id));
  }
  for (const q of seed.countingQuestions) {
    if (!versions.has(q.version)) problems.push(`counting question ${q.id}: unknown version ${q.version}`);
    for (const id of q.goalIds) if (!goals.has(id)) problems.push(`counting question ${q.id}: unknown goal ${id}`);
    q.sourceIds.forEach((id) => needSource(`counting question ${q.id}`, id));
  }
  return [...problems, ...checkIndicatorReferences(seed)];
}

/**
 * Seeds an empty database in one transaction. The guard: a database that already holds
 * a strategy version is never seeded again, so nothing entered later is overwritten.
 */
export function seedIfEmpty(db: Db, dir: string): boolean {
  const count = db.prepare('SELECT count(*) FROM strategy_versions').pluck().get() as number;
  if (count > 0) return false;
  const seed = readSeed(dir);
  db.transaction(() => insertSeed(db, seed))();
  return true;
}

function insertSeed(db: Db, seed: SeedData): void {
  const insertSource = db.prepare(`INSERT INTO sources (id, title, url, date, publisher, supports)
    VALUES (@id, @title, @url, @date, @publisher, @supports)`);
  seed.sources.forEach((s) => insertSource.run(s));

  const insertVersion = db.prepare(`INSERT INTO strategy_versions
    (key, title, presented_on, declared_goal_count, horizon_definition, horizon_source_id, short_years, medium_years)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertVersionSource = db.prepare('INSERT INTO version_sources (version_key, source_id) VALUES (?, ?)');
  for (const v of seed.versions) {
    insertVersion.run(
      v.key,
      v.title,
      v.presentedOn,
      v.declaredGoalCount,
      v.horizonDefinition?.text ?? null,
      v.horizonDefinition?.sourceId ?? null,
      v.horizonDefinition?.shortYears ?? null,
      v.horizonDefinition?.mediumYears ?? null,
    );
    v.sourceIds.forEach((id) => insertVersionSource.run(v.key, id));
  }

  const insertRessort = db.prepare('INSERT INTO ressorts (code, name, valid_from, valid_to) VALUES (?, ?, ?, ?)');
  const insertRessortSource = db.prepare('INSERT INTO ressort_sources (ressort_code, source_id) VALUES (?, ?)');
  const insertSuccession = db.prepare(`INSERT INTO ressort_successions (from_code, to_code, note, source_id)
    VALUES (?, ?, ?, ?)`);
  for (const r of seed.ressorts) {
    insertRessort.run(r.code, r.name, r.validFrom, r.validTo);
    r.sourceIds.forEach((id) => insertRessortSource.run(r.code, id));
  }
  for (const r of seed.ressorts) r.successors.forEach((s) => insertSuccession.run(r.code, s.code, s.note, s.sourceId));

  const insertGoal = db.prepare(`INSERT INTO goals (id, version_key, title, description, lead_ressort,
      ressort_basis, field_of_action, field_of_action_basis, horizon, horizon_note, due_date, due_date_precision,
      due_wording, due_date_basis, confidence_goal, confidence_ressort, confidence_status, confidence_note,
      origin_type, origin_certainty, origin_basis, notes, search_text)
    VALUES (@id, @version, @title, @description, @leadRessort, @ressortBasis, @fieldOfAction,
      @fieldOfActionBasis, @horizon, @horizonNote, @dueDate, @dueDatePrecision, @dueWording, @dueDateBasis, @confGoal,
      @confRessort, @confStatus, @confidenceNote, @originType, @originCertainty, @originBasis, @notes,
      @searchText)`);
  const insertCoRessort = db.prepare('INSERT INTO goal_co_ressorts (goal_id, ressort_code) VALUES (?, ?)');
  const insertGoalSource = db.prepare('INSERT INTO goal_sources (goal_id, source_id) VALUES (?, ?)');
  for (const g of seed.goals) {
    insertGoal.run({
      id: g.id,
      version: g.version,
      title: g.title,
      description: g.description,
      leadRessort: g.leadRessort,
      ressortBasis: g.ressortBasis,
      fieldOfAction: g.fieldOfAction,
      fieldOfActionBasis: g.fieldOfActionBasis,
      horizon: g.horizon,
      horizonNote: g.horizonNote,
      dueDate: g.dueDate === null ? null : countingDay(g.dueDate),
      dueDatePrecision: g.dueDate === null ? 'day' : precisionOf(g.dueDate),
      dueWording: g.dueWording,
      dueDateBasis: g.dueDateBasis,
      confGoal: g.confidence.goal,
      confRessort: g.confidence.ressort,
      confStatus: g.confidence.status,
      confidenceNote: g.confidenceNote,
      originType: g.origin?.type ?? null,
      originCertainty: g.origin?.certainty ?? null,
      originBasis: g.origin?.basis ?? null,
      notes: g.notes,
      searchText: foldText(`${g.title} ${g.description ?? ''}`),
    });
    g.coRessorts.forEach((code) => insertCoRessort.run(g.id, code));
    new Set([...g.sourceIds, ...(g.origin?.sourceIds ?? [])]).forEach((id) => insertGoalSource.run(g.id, id));
  }

  const insertEvent = db.prepare(`INSERT INTO status_events (goal_id, status, progress, effective_date,
      effective_date_precision, effective_date_wording, recorded_at, reporter, track, original_wording,
      note, evidence_url, evidence_reference, source_id)
    VALUES (@goalId, @status, @progress, @effectiveDate, @effectiveDatePrecision, @effectiveDateWording,
      @recordedAt, @reporter, @track, @originalWording, @note, @evidenceUrl, @evidenceReference, @sourceId)`);
  for (const e of seed.statusEvents) {
    insertEvent.run({
      ...e,
      evidence: undefined,
      evidenceUrl: e.evidence.url,
      evidenceReference: e.evidence.reference,
      // A date known to the month or year counts from the period's last day (shared/src/time/partial-date.ts).
      effectiveDate: countingDay(statedDate(e.effectiveDate, e.effectiveDatePrecision)),
      // Historical claims were public from their date on: that is when "the record" knew them.
      recordedAt: `${countingDay(statedDate(e.effectiveDate, e.effectiveDatePrecision))}T00:00:00.000Z`,
    });
  }

  const insertLink = db.prepare(`INSERT INTO lineage_links (from_goal_id, to_goal_id, type, certainty, basis,
    original_wording) VALUES (?, ?, ?, ?, ?, ?)`);
  const insertLinkSource = db.prepare('INSERT INTO lineage_link_sources (link_id, source_id) VALUES (?, ?)');
  for (const l of seed.lineage) {
    const { lastInsertRowid } = insertLink.run(
      l.fromGoalId,
      l.toGoalId,
      l.type,
      l.certainty,
      l.basis,
      l.originalWording,
    );
    l.sourceIds.forEach((id) => insertLinkSource.run(lastInsertRowid, id));
  }

  const insertPeriod = db.prepare(
    'INSERT INTO legislative_periods (key, name, starts_on, ends_on, note) VALUES (?, ?, ?, ?, ?)',
  );
  const insertPeriodSource = db.prepare('INSERT INTO legislative_period_sources (period_key, source_id) VALUES (?, ?)');
  for (const p of seed.legislativePeriods) {
    insertPeriod.run(p.key, p.name, p.startsOn, p.endsOn, p.note);
    p.sourceIds.forEach((id) => insertPeriodSource.run(p.key, id));
  }

  const insertFigure = db.prepare(`INSERT INTO reported_figures (id, version_key, date, date_precision,
      date_wording, reporter, reporter_kind, scope, ressort, basis, achieved, partially_achieved, missed,
      total, rate, figure, source_id)
    VALUES (@id, @version, @date, @datePrecision, @dateWording, @reporter, @reporterKind, @scope, @ressort,
      @basis, @achieved, @partiallyAchieved, @missed, @total, @rate, @figure, @sourceId)`);
  const insertFigureSource = db.prepare('INSERT INTO reported_figure_sources (figure_id, source_id) VALUES (?, ?)');
  for (const f of seed.reportedFigures) {
    insertFigure.run({ ...f, alsoSourceIds: undefined });
    f.alsoSourceIds.forEach((id) => insertFigureSource.run(f.id, id));
  }

  const insertQuestion = db.prepare(`INSERT INTO counting_questions (id, version_key, question, wording, basis, status)
    VALUES (@id, @version, @question, @wording, @basis, @status)`);
  const insertQuestionGoal = db.prepare('INSERT INTO counting_question_goals (question_id, goal_id) VALUES (?, ?)');
  const insertQuestionSource = db.prepare(
    'INSERT INTO counting_question_sources (question_id, source_id) VALUES (?, ?)',
  );
  for (const q of seed.countingQuestions) {
    insertQuestion.run({ ...q, goalIds: undefined, sourceIds: undefined });
    q.goalIds.forEach((id) => insertQuestionGoal.run(q.id, id));
    q.sourceIds.forEach((id) => insertQuestionSource.run(q.id, id));
  }
  insertIndicators(db, seed, new Date().toISOString());
}
