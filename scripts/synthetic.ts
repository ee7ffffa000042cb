/**
 * Builds a SYNTHETIC database for benchmarks: N goals over M Ressorts with K status events,
 * under a version labelled as synthetic. Never mixed into the real seed: it writes its own file.
 *   npm run synthetic -- <file> [goals] [ressorts] [events]
 */
import fs from 'node:fs';
import { openDatabase, type Db } from '../server/src/db/database.ts';

export const SYNTHETIC_VERSION = '9.0';
const STATUSES = ['planned', 'in_progress', 'partially_achieved', 'achieved', 'missed', 'unknown'] as const;

/** A small deterministic PRNG (mulberry32), so two runs build the same database. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ressort codes are letters only (the API's contract): SYNAA, SYNAB, … */
const syntheticRessort = (n: number) => `SYN${String.fromCharCode(65 + (Math.floor(n / 26) % 26), 65 + (n % 26))}`;

const DAY = 86_400_000;
const START = Date.UTC(2019, 3, 10);
const END = Date.UTC(2026, 10, 1);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const syntheticIndicator = (n: number) => `syn-ind-${n}`;

export function buildSynthetic(
  file: string,
  opts: { goals: number; ressorts: number; events: number; indicators?: number; readings?: number },
): Db {
  fs.rmSync(file, { force: true });
  const db = openDatabase(file);
  const rand = random(42);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO sources (id, title, publisher, supports) VALUES ('SYN', 'SYNTHETISCH – Benchmarkdaten', 'Zielmonitor', 'Zufallsdaten für Messungen; keine echten Ziele.')`,
    ).run();
    db.prepare(
      `INSERT INTO strategy_versions (key, title, presented_on, declared_goal_count, short_years, medium_years)
      VALUES (?, 'SYNTHETISCH – Benchmarkdaten, keine echten Ziele', '2019-04-10', ?, 2, 5)`,
    ).run(SYNTHETIC_VERSION, opts.goals);
    const ressort = db.prepare('INSERT INTO ressorts (code, name) VALUES (?, ?)');
    for (let r = 0; r < opts.ressorts; r++) ressort.run(syntheticRessort(r), `Synthetisches Ressort ${r + 1}`);
    const goal =
      db.prepare(`INSERT INTO goals (id, version_key, title, lead_ressort, horizon, due_date, confidence_goal,
      confidence_ressort, confidence_status, search_text) VALUES (?, ?, ?, ?, ?, ?, 'unknown', 'unknown', 'unknown', ?)`);
    const horizons = ['short', 'medium', 'long', 'unknown'];
    for (let g = 0; g < opts.goals; g++) {
      const title = `Synthetisches Ziel ${g + 1}`;
      goal.run(
        `syn-${g}`,
        SYNTHETIC_VERSION,
        title,
        syntheticRessort(g % opts.ressorts),
        horizons[g % 4],
        g % 3 === 0 ? isoDay(START + Math.floor(rand() * (END - START))) : null,
        title.toLowerCase(),
      );
    }
    const event =
      db.prepare(`INSERT INTO status_events (goal_id, status, progress, effective_date, recorded_at, reporter, track, source_id)
      VALUES (?, ?, ?, ?, ?, 'SYNTHETISCH', ?, 'SYN')`);
    for (let e = 0; e < opts.events; e++) {
      const effective = START + Math.floor(rand() * ((END - START) / DAY)) * DAY;
      event.run(
        `syn-${Math.floor(rand() * opts.goals)}`,
        STATUSES[Math.floor(rand() * STATUSES.length)],
        Math.floor(rand() * 101),
        isoDay(effective),
        new Date(effective + Math.floor(rand() * 30) * DAY).toISOString(),
        rand() < 0.7 ? 'official' : 'independent',
      );
    }
    const indicators = opts.indicators ?? 0;
    const indicator = db.prepare(`INSERT INTO indicators (id, name, measure, unit, direction, revision, created_at,
      updated_at) VALUES (?, ?, 'SYNTHETISCH', 'percent', 'higher_is_better', 0, '2019-04-10T00:00:00.000Z',
      '2019-04-10T00:00:00.000Z')`);
    const link = db.prepare('INSERT INTO indicator_goals (indicator_id, goal_id) VALUES (?, ?)');
    const target = db.prepare(`INSERT INTO indicator_targets (indicator_id, kind, value, date, date_precision,
      source_id) VALUES (?, ?, ?, ?, 'year', 'SYN')`);
    for (let i = 0; i < indicators; i++) {
      const id = syntheticIndicator(i);
      indicator.run(id, `Synthetische Kennzahl ${i + 1}`);
      link.run(id, `syn-${i % opts.goals}`);
      target.run(id, 'baseline', Math.floor(rand() * 30), '2019-12-31');
      target.run(id, 'interim', 60, '2022-12-31');
      target.run(id, 'target', 100, '2025-12-31');
    }
    const reading = db.prepare(`INSERT INTO indicator_readings (indicator_id, value, qualifier, date, date_precision,
      reporter, track, source_id, recorded_at) VALUES (?, ?, 'exact', ?, 'day', 'SYNTHETISCH', ?, 'SYN', ?)`);
    const withdraw = db.prepare(`INSERT INTO indicator_reading_supersessions (superseded_reading_id, kind, reason,
      recorded_at) VALUES (?, 'withdrawal', 'SYNTHETISCH', ?)`);
    for (let r = 0; indicators > 0 && r < (opts.readings ?? 0); r++) {
      const day = START + Math.floor(rand() * ((END - START) / DAY)) * DAY;
      const recorded = new Date(day + Math.floor(rand() * 60) * DAY).toISOString();
      const { lastInsertRowid } = reading.run(
        syntheticIndicator(Math.floor(rand() * indicators)),
        Math.round(rand() * 1000) / 10,
        isoDay(day),
        rand() < 0.6 ? 'official' : 'independent',
        recorded,
      );
      // One reading in a hundred withdrawn later: the "still counts" rule is exercised too.
      if (rand() < 0.01) withdraw.run(lastInsertRowid, new Date(day + 90 * DAY).toISOString());
    }
  })();
  db.pragma('optimize');
  return db;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, goals = '500', ressorts = '12', events = '100000', indicators = '0', readings = '0'] =
    process.argv.slice(2);
  if (!file) {
    throw new Error('Aufruf: npm run synthetic -- <datei> [ziele] [ressorts] [ereignisse] [kennzahlen] [messwerte]');
  }
  const started = performance.now();
  buildSynthetic(file, {
    goals: Number(goals),
    ressorts: Number(ressorts),
    events: Number(events),
    indicators: Number(indicators),
    readings: Number(readings),
  }).close();
  console.log(
    `SYNTHETISCH: ${file} mit ${goals} Zielen, ${ressorts} Ressorts, ${events} Statusereignissen, ${indicators} Kennzahlen, ${readings} Messwerten in ${Math.round(performance.now() - started)} ms`,
  );
}
