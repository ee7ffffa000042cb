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

export function buildSynthetic(file: string, opts: { goals: number; ressorts: number; events: number }): Db {
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
  })();
  db.pragma('optimize');
  return db;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, goals = '500', ressorts = '12', events = '100000'] = process.argv.slice(2);
  if (!file) throw new Error('Aufruf: npm run synthetic -- <datei> [ziele] [ressorts] [ereignisse]');
  const started = performance.now();
  buildSynthetic(file, { goals: Number(goals), ressorts: Number(ressorts), events: Number(events) }).close();
  console.log(
    `SYNTHETISCH: ${file} mit ${goals} Zielen, ${ressorts} Ressorts, ${events} Statusereignissen in ${Math.round(performance.now() - started)} ms`,
  );
}
