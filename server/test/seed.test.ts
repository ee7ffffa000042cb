import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSeedReferences, readSeed, seedIfEmpty } from '../src/seed/load-seed.ts';
import { createTestApp, seedDir, type TestApp, objectContaining } from './helper.ts';

const seed = readSeed(seedDir);

describe('seed data in data/', () => {
  it('holds exactly the documented goals: 29 of 1.0 and 11 of 2.0', () => {
    expect(seed.goals.filter((g) => g.version === '1.0')).toHaveLength(29);
    expect(seed.goals.filter((g) => g.version === '2.0')).toHaveLength(11);
    expect(seed.versions.map((v) => [v.key, v.declaredGoalCount])).toEqual([
      ['1.0', 44],
      ['2.0', 78],
    ]);
  });

  it('carries research rounds 3 and 4: their goals and sources, with no Ressort that no source names', () => {
    const ids = seed.goals.map((g) => g.id);
    const round3and4 = ['v1-23', 'v1-24', 'v1-25', 'v1-26', 'v1-27', 'v1-28', 'v1-29', 'v2-11'];
    expect(ids).toEqual(expect.arrayContaining(round3and4));
    for (const goal of seed.goals.filter((g) => round3and4.includes(g.id))) {
      expect(goal.leadRessort, goal.id).toBeNull();
      expect(goal.coRessorts, goal.id).toEqual([]);
      expect(goal.confidence.ressort, goal.id).toBe('unknown');
      // The source's own words stand beside the short title: as the goal's wording or in the notes.
      expect(`${goal.description ?? ''} ${goal.notes ?? ''}`, goal.id).toMatch(/„.+“/);
    }
    const sourceIds = new Set(seed.sources.map((s) => s.id));
    const expected = [
      ...Array.from({ length: 25 }, (_, i) => `N${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 10 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`),
    ];
    expect(expected.filter((id) => !sourceIds.has(id))).toEqual([]);
  });

  it('shows the open counting question of v1-13 and v1-14 with its source and keeps both goals', () => {
    expect(seed.countingQuestions).toEqual([
      objectContaining({ id: 'ZF01', version: '1.0', goalIds: ['v1-13', 'v1-14'], status: 'open' }),
    ]);
    expect(seed.countingQuestions[0]?.sourceIds).toEqual(['R02']);
    expect(seed.goals.filter((g) => ['v1-13', 'v1-14'].includes(g.id))).toHaveLength(2);
  });

  it('keeps the words of the source beside every indicator value, and says why a derived value differs', () => {
    for (const r of seed.indicatorReadings) {
      expect(r.valueWording, `${r.indicatorId} ${r.date}`).toBeTruthy();
      // A value the source states as its complement ("58 % ohne") or as a fraction says so in the note.
      if (/ohne|jede dritte/.test(r.valueWording)) expect(r.note, `${r.indicatorId} ${r.date}`).toMatch(/Gegenwert/);
    }
    for (const i of seed.indicators) {
      expect(i.measure, i.id).toBeTruthy();
      for (const t of i.targets) expect(t.wording, `${i.id} ${t.kind}`).toBeTruthy();
      for (const g of i.goals) expect(g.basis, `${i.id} ${g.goalId}`).toBeTruthy();
    }
  });

  it('keeps readings of different reporters side by side, never merged', () => {
    const fibre = seed.indicatorReadings.filter((r) => r.indicatorId === 'schulen-glasfaser');
    expect(new Set(fibre.map((r) => r.reporter)).size).toBeGreaterThan(3);
    expect(new Set(fibre.map((r) => r.track))).toEqual(new Set(['official', 'independent']));
  });

  it('has no reference to a missing source, goal, version or Ressort', () => {
    expect(checkSeedReferences(seed)).toEqual([]);
  });

  it('invents no horizon: every horizon other than unknown rests on a source that names it', () => {
    for (const goal of seed.goals.filter((g) => g.horizon !== 'unknown')) {
      expect(goal.horizonNote, goal.id).toBeTruthy();
    }
  });

  it('keeps the wording of every mapped value beside it', () => {
    for (const event of seed.statusEvents) expect(event.originalWording, event.goalId).toBeTruthy();
    for (const goal of seed.goals.filter((g) => g.dueDate !== null)) expect(goal.dueWording, goal.id).toBeTruthy();
  });
});

describe('seeded database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const count = (sql: string) => Number(t.app.db.prepare(sql).pluck().get());

  it('traces every record to a source', () => {
    expect(count('SELECT count(*) FROM goals WHERE id NOT IN (SELECT goal_id FROM goal_sources)')).toBe(0);
    expect(count('SELECT count(*) FROM status_events WHERE source_id IS NULL AND reported_by_user_id IS NULL')).toBe(0);
    expect(count('SELECT count(*) FROM reported_figures WHERE source_id NOT IN (SELECT id FROM sources)')).toBe(0);
    expect(count('SELECT count(*) FROM lineage_links WHERE id NOT IN (SELECT link_id FROM lineage_link_sources)')).toBe(
      0,
    );
    expect(count('SELECT count(*) FROM ressorts WHERE code NOT IN (SELECT ressort_code FROM ressort_sources)')).toBe(0);
    expect(
      count('SELECT count(*) FROM strategy_versions WHERE key NOT IN (SELECT version_key FROM version_sources)'),
    ).toBe(0);
    expect(count('SELECT count(*) FROM sources WHERE url IS NULL AND title IS NULL')).toBe(0);
  });

  it('holds every seed record once', () => {
    expect(count('SELECT count(*) FROM goals')).toBe(seed.goals.length);
    expect(count('SELECT count(*) FROM status_events')).toBe(seed.statusEvents.length);
    expect(count('SELECT count(*) FROM reported_figures')).toBe(seed.reportedFigures.length);
    expect(count('SELECT count(*) FROM sources')).toBe(seed.sources.length);
  });

  it('is never seeded twice: the guard leaves a database with data alone', () => {
    expect(seedIfEmpty(t.app.db, seedDir)).toBe(false);
    expect(count('SELECT count(*) FROM goals')).toBe(seed.goals.length);
  });

  it('passes the integrity check', () => {
    const db = new Database(t.databasePath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
