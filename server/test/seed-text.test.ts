import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/lib/csv.ts';
import { readSeed } from '../src/seed/load-seed.ts';
import { createTestApp, seedDir, type TestApp } from './helper.ts';
import type { GoalDetail } from '@zielmonitor/shared/schemas/goal';

const seed = readSeed(seedDir);

/**
 * Every text of data/ that the goal page, the Ressort and indicator pages, the exports or the feeds
 * show as it is, named by where it stands. (Source titles and `supports` are the sources' own.)
 */
function publicTexts(): [string, string][] {
  const texts: [string, string | null | undefined][] = [];
  for (const g of seed.goals) {
    const at = `goals ${g.id}`;
    texts.push(
      [`${at} title`, g.title],
      [`${at} description`, g.description],
      [`${at} ressortBasis`, g.ressortBasis],
      [`${at} fieldOfAction`, g.fieldOfAction],
      [`${at} fieldOfActionBasis`, g.fieldOfActionBasis],
      [`${at} horizonNote`, g.horizonNote],
      [`${at} dueWording`, g.dueWording],
      [`${at} dueDateBasis`, g.dueDateBasis],
      [`${at} confidenceNote`, g.confidenceNote],
      [`${at} notes`, g.notes],
      [`${at} origin.basis`, g.origin?.basis],
    );
  }
  seed.statusEvents.forEach((e, i) => {
    const at = `status-events ${i} (${e.goalId})`;
    texts.push(
      [`${at} effectiveDateWording`, e.effectiveDateWording],
      [`${at} reporter`, e.reporter],
      [`${at} originalWording`, e.originalWording],
      [`${at} note`, e.note],
    );
  });
  for (const l of seed.lineage) {
    texts.push(
      [`lineage ${l.fromGoalId}→${l.toGoalId} basis`, l.basis],
      [`lineage ${l.fromGoalId}→${l.toGoalId} originalWording`, l.originalWording],
    );
  }
  for (const r of seed.ressorts) {
    texts.push([`ressorts ${r.code} name`, r.name], [`ressorts ${r.code} note`, r.note]);
    for (const s of r.successors) texts.push([`ressorts ${r.code}→${s.code} note`, s.note]);
  }
  for (const i of seed.indicators) {
    texts.push([`indicators ${i.id} name`, i.name], [`indicators ${i.id} measure`, i.measure]);
    texts.push([`indicators ${i.id} note`, i.note]);
    for (const g of i.goals) texts.push([`indicators ${i.id} ${g.goalId} basis`, g.basis]);
    for (const t of i.targets) {
      texts.push([`indicators ${i.id} ${t.kind} dateWording`, t.dateWording]);
      texts.push([`indicators ${i.id} ${t.kind} wording`, t.wording], [`indicators ${i.id} ${t.kind} note`, t.note]);
    }
  }
  seed.indicatorReadings.forEach((r, n) => {
    const at = `indicator-readings ${n} (${r.indicatorId})`;
    texts.push(
      [`${at} valueWording`, r.valueWording],
      [`${at} dateWording`, r.dateWording],
      [`${at} reporter`, r.reporter],
      [`${at} note`, r.note],
    );
  });
  for (const q of seed.countingQuestions) {
    texts.push([`counting-questions ${q.id} question`, q.question], [`counting-questions ${q.id} wording`, q.wording]);
    texts.push([`counting-questions ${q.id} basis`, q.basis]);
  }
  for (const f of seed.reportedFigures) {
    texts.push(
      [`reported-figures ${f.id} dateWording`, f.dateWording],
      [`reported-figures ${f.id} reporter`, f.reporter],
    );
    texts.push([`reported-figures ${f.id} scope`, f.scope], [`reported-figures ${f.id} figure`, f.figure]);
  }
  for (const v of seed.versions) {
    texts.push(
      [`versions ${v.key} title`, v.title],
      [`versions ${v.key} horizonDefinition`, v.horizonDefinition?.text],
    );
  }
  for (const p of seed.legislativePeriods) texts.push([`legislative-periods ${p.key} note`, p.note]);
  return texts.filter((t): t is [string, string] => typeof t[1] === 'string');
}

const texts = publicTexts();
/** A quotation is the source's words: an English word or a code inside „…“ is what the source said. */
const outsideQuotes = (text: string) => text.replace(/https?:\/\/\S+/g, '').replace(/„[^“]*“/g, '„…“');
const offending = (pattern: RegExp, of: (text: string) => string = (t) => t) =>
  texts.filter(([, text]) => pattern.test(of(text))).map(([where, text]) => `${where}: ${text}`);

describe('public texts in data/', () => {
  it('are found: the list of fields is not empty by mistake', () => {
    expect(texts.length).toBeGreaterThan(400);
  });

  it('say nothing of how the data were gathered: no Seed, no research (round), no correction of a record', () => {
    expect(offending(/\bSeed\b/i)).toEqual([]);
    expect(offending(/Recherche|Runde \d/i)).toEqual([]);
    expect(offending(/\b(Korrektur|Ergänzung)\b[^.]*\bzu v[12]-\d\d/)).toEqual([]);
    // Quotation marks are the German ones; 'x' is how the notes of the research quoted.
    expect(offending(/(^|[\s(])'[^']+'/)).toEqual([]);
  });

  it('carry no enum value, snake_case word or field name', () => {
    const enumWords =
      /\b(unknown|achieved|missed|planned|dropped|in_progress|partially_achieved|not_started|official|independent|documented|probable|derived|sharpened|loosened|continued)\b/;
    expect(offending(enumWords, outsideQuotes)).toEqual([]);
    expect(offending(/\b[a-z][a-z0-9]*(_[a-z0-9]+)+\b/, outsideQuotes)).toEqual([]);
    // camelCase field names (validFrom, leadRessort …), outside quotations and addresses; „dWiSta“ is a sign's name.
    expect(offending(/\b[a-z]+[A-Z][A-Za-z]*\b/, (t) => outsideQuotes(t).replaceAll('dWiSta', ''))).toEqual([]);
  });

  it('name their sources one way, as the goal page lists them: „(Quelle: S62)“, „(Quellen: S04, S06)“', () => {
    const cited = /Quellen?: [SNR]\d{2,3}(?:(?:, | und )[SNR]\d{2,3})*/g;
    expect(offending(/\b[SNR]\d{2,3}\b/, (t) => outsideQuotes(t).replace(cited, ''))).toEqual([]);
    // A list of sources trails no sentence on its own: it stands in brackets beside what it supports.
    expect(offending(/(^|[.;] )Quellen?: /)).toEqual([]);
  });
});

describe('due dates in data/', () => {
  const months = /Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|\d\.\d/;
  const dated = seed.goals.filter((g) => g.dueDate !== null);

  it('are as precise as their wording: a wording that names no month or day gives a year', () => {
    expect(dated.length).toBeGreaterThan(20);
    for (const goal of dated) {
      const wording = goal.dueWording ?? '';
      if (!months.test(wording)) expect(goal.dueDate, `${goal.id}: „${wording}“`).toMatch(/^\d{4}$/);
      // The year stands in the wording, or the basis says how it follows from it.
      expect(`${wording} ${goal.dueDateBasis ?? ''}`, goal.id).toContain(goal.dueDate?.slice(0, 4));
      expect(goal.dueDateBasis, goal.id).toBeTruthy();
    }
  });

  it('say how they were read from the wording where there is none', () => {
    for (const goal of seed.goals.filter((g) => g.dueDate === null && g.dueWording !== null)) {
      expect(goal.dueDateBasis, goal.id).toBeTruthy();
    }
  });
});

describe('a due date the wording gives as a year, once seeded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('counts from the last day of the year and says it is a year, in the API and the CSV export', async () => {
    const goal = (await t.app.inject({ url: '/api/goals/v1-13' })).json<GoalDetail>();
    expect(goal).toMatchObject({ dueDate: '2022-12-31', dueDatePrecision: 'year', dueWording: 'bis (Ende) 2022' });
    expect(goal.dueDateBasis).toBe('Im Wortlaut ist nur das Jahr genannt; gezählt wird ab dem Jahresende.');
    const [head = [], ...rows] = parseCsv((await t.app.inject({ url: '/api/export/goals.csv?version=1.0' })).body);
    const due = head.indexOf('Fällig bis');
    const row = (id: string) => rows.find((r) => r[0] === id) ?? [];
    expect([row('v1-13')[due], row('v1-18')[due], row('v1-01')[due]]).toEqual(['2022', '2020', '']);
  });
});
