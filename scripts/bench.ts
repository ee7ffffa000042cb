/**
 * npm run bench — measures in one run, on loopback:
 *  1. HTTP (autocannon, warm-up then measured round): req/s, p50, p99 per endpoint and the ratio
 *     to GET /api/health, the longest event-loop block while serving, and server start-up time;
 *  2. in-process on SYNTHETIC data (never the real seed): as-of per-Ressort aggregation and the
 *     monthly timeline at K = 100k and 1M status events, and every GET path the dashboard and its
 *     exports use at the largest K: time per request and the longest event-loop block;
 *  3. the client bundle: initial JS (gzip) and the largest chunk;
 *  4. Lighthouse 12 on the overview, mobile and desktop, the median of LIGHTHOUSE_RUNS runs each;
 *  5. running in public (scripts/lib/bench-public.ts): the dashboard's p99 during 100 concurrent logins,
 *     anonymous stats through nginx's cache vs direct, /api/health p99 during the largest dry-run import.
 *  6. the indicator endpoints at 100k SYNTHETIC readings (scripts/lib/bench-indicators.ts).
 * Timings stay here, never in tests. Options: BENCH_SECONDS (default 5), BENCH_EVENTS (default
 * "100000,1000000"), LIGHTHOUSE_RUNS (default 3, 0 skips), CHROME_PATH (default /usr/bin/chromium).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import { buildApp } from '../server/src/app.ts';
import { NO_LOAD_SHEDDING } from '../server/src/plugins/security.ts';
import { openDatabase } from '../server/src/db/database.ts';
import { seedIfEmpty } from '../server/src/seed/load-seed.ts';
import { hashPassword } from '../server/src/lib/passwords.ts';
import { createRepositories } from '../server/src/repositories/index.ts';
import { periodEnds } from '../server/src/repositories/timeline.ts';
import { buildSynthetic, SYNTHETIC_VERSION } from './synthetic.ts';
import { measureBundle } from './lib/bundle-size.ts';
import { runLighthouse, type LighthouseFigures } from './lib/lighthouse.ts';
import { benchPublic } from './lib/bench-public.ts';
import { indicatorBench } from './lib/bench-indicators.ts';
import { repoRoot, startServer } from './lib/server-process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const EVENT_COUNTS = (process.env.BENCH_EVENTS ?? '100000,1000000').split(',').map(Number);
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-bench-'));
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function http() {
  const databasePath = path.join(dir, 'bench.sqlite');
  const setup = openDatabase(databasePath);
  seedIfEmpty(setup, path.join(repoRoot, 'data'));
  createRepositories(setup).users.create(
    {
      email: 'bench@nrw.de',
      name: 'Bench',
      role: 'admin',
      ressorts: [],
      passwordHash: await hashPassword('bench-passwort-lang'),
    },
    new Date().toISOString(),
  );
  // Reporters: one account reports at most 500 times a day (LIMITS.statusReportsPerAccount), so the
  // write row takes turns over 40 accounts, each with a session made here rather than by 40 logins.
  const setupRepos = createRepositories(setup);
  const reporterHash = await hashPassword('bench-passwort-lang');
  const reporters = Array.from({ length: 40 }, (_, i) => {
    const id = setupRepos.users.create(
      { email: `melder-${i}@nrw.de`, name: `Melder ${i}`, role: 'admin', ressorts: [], passwordHash: reporterHash },
      new Date().toISOString(),
    );
    return `zm_session=${setupRepos.sessions.create(id, new Date(), 12 * 60 * 60_000, '127.0.0.1')}`;
  });
  setup.close();
  // The server runs in its own process, so its event loop is measured without the load generator.
  const server = await startServer({ databasePath, env: { REPORT_EVENT_LOOP: '1' } });
  const url = server.url;
  // Reports rotate over every goal, so a request is never built before its goal's previous answer arrived.
  const goals = GoalsResponse.parse(await (await fetch(`${url}/api/goals?limit=500`)).json()).items;
  const revisions = new Map(goals.map((g) => [g.id, g.revision]));
  let next = 0;

  const statuses: Record<number, number> = {};
  const targets: { name: string; opts: autocannon.Options }[] = [
    { name: 'GET /api/health (baseline)', opts: { url: `${url}/api/health` } },
    { name: 'GET /api/stats/ressorts?version=1.0', opts: { url: `${url}/api/stats/ressorts?version=1.0` } },
    {
      name: 'GET /api/goals?version=1.0&ressort=MWIDE&q=glasfaser',
      opts: { url: `${url}/api/goals?version=1.0&ressort=MWIDE&q=glasfaser` },
    },
    {
      name: 'GET /api/stats/timeline?version=1.0&interval=month',
      opts: { url: `${url}/api/stats/timeline?version=1.0&interval=month` },
    },
    {
      name: 'POST /api/goals/:id/status (1 connection)',
      opts: {
        url,
        connections: 1,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: url },
            setupRequest: (request) => {
              const goal = goals[next % goals.length]?.id ?? 'v1-01';
              const cookie = reporters[next % reporters.length] ?? '';
              next += 1;
              return {
                ...request,
                headers: { ...request.headers, cookie },
                path: `/api/goals/${goal}/status`,
                body: JSON.stringify({
                  status: 'in_progress',
                  effectiveDate: '2021-11-30',
                  note: 'Benchmark',
                  evidence: {},
                  expectedRevision: revisions.get(goal) ?? 0,
                }),
              };
            },
            onResponse: (status, body) => {
              statuses[status] = (statuses[status] ?? 0) + 1;
              if (status === 201) {
                const answer = JSON.parse(body) as { goalId: string; revision: number };
                revisions.set(answer.goalId, answer.revision);
              }
            },
          },
        ],
      },
    },
  ];
  const rows: { name: string; rps: number; p50: number; p99: number; errors: number }[] = [];
  for (const target of targets) {
    await autocannon({ connections: 10, duration: 1, ...target.opts });
    const result = await autocannon({ connections: 10, duration: SECONDS, ...target.opts });
    rows.push({
      name: target.name,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    });
  }
  await server.stop();
  const loop = JSON.parse(
    server
      .output()
      .split('\n')
      .find((line) => line.startsWith('{"eventLoopMaxMs"')) ?? '{}',
  ) as { eventLoopMaxMs?: number; eventLoopP99Ms?: number };
  console.log('status POST answers by code:', statuses);
  const baseline = rows[0]?.rps ?? 1;
  console.log('\nHTTP on loopback (autocannon, 10 connections unless noted, %d s measured after 1 s warm-up)', SECONDS);
  console.table(
    rows.map((r) => ({
      endpoint: r.name,
      'req/s': Math.round(r.rps),
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      'vs baseline': `${Math.round((r.rps / baseline) * 100)} %`,
      'non-2xx/errors': r.errors,
    })),
  );
  console.log(
    `Server process, whole run: longest event-loop block ${ms(loop.eventLoopMaxMs ?? NaN)}, p99 ${ms(loop.eventLoopP99Ms ?? NaN)}`,
  );

  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const server = await startServer({ databasePath });
    starts.push(performance.now() - started);
    await server.stop();
  }
  console.log(
    `Server ready after start on the seeded database (process spawn to /api/health): ${starts.map(ms).join(', ')}`,
  );
}

async function inProcess() {
  console.log('\nIn-process on SYNTHETIC data (500 goals, 12 Ressorts):');
  const rows = [];
  for (const events of EVENT_COUNTS) {
    const built = performance.now();
    const db = buildSynthetic(path.join(dir, `synthetic-${events}.sqlite`), { goals: 500, ressorts: 12, events });
    const buildMs = performance.now() - built;
    const repos = createRepositories(db);
    const far = { knownAt: '9999-12-31T23:59:59.999Z' };
    const asOfTimes: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const asOf = `20${19 + (i % 8)}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
      const t = performance.now();
      repos.stats.ressortStats(SYNTHETIC_VERSION, 'official', { asOf, ...far });
      asOfTimes.push(performance.now() - t);
    }
    const ends = periodEnds('2019-04-10', '2026-11-22', 'month');
    const timelineTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await repos.timeline.timeline({ version: SYNTHETIC_VERSION, ressort: null, track: 'official', ends, ...far });
      timelineTimes.push(performance.now() - t);
    }
    db.close();
    rows.push({
      'status events': events.toLocaleString('de-DE'),
      'build (s)': (buildMs / 1000).toFixed(1),
      'as-of per Ressort p50': ms(quantile(asOfTimes, 0.5)),
      'as-of p99': ms(quantile(asOfTimes, 0.99)),
      [`timeline ${ends.length} months p50`]: ms(quantile(timelineTimes, 0.5)),
      'timeline p99': ms(quantile(timelineTimes, 0.99)),
    });
  }
  console.table(rows);
}

/**
 * Every GET path the dashboard and its exports use, on the largest SYNTHETIC database, served
 * from this process over loopback: the time per request and the longest the event loop was
 * blocked meanwhile (bodies are read as a stream and dropped, so the client adds little).
 */
async function requestPaths(events: number) {
  const app = await buildApp({
    databasePath: path.join(dir, `synthetic-${events}.sqlite`),
    seedDir: null,
    clientDist: null,
    pressure: NO_LOAD_SHEDDING,
  });
  app.repos.users.create(
    {
      email: 'bench@nrw.de',
      name: 'Bench',
      role: 'admin',
      ressorts: [],
      passwordHash: await hashPassword('bench-passwort-lang'),
    },
    new Date().toISOString(),
  );
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: 'bench@nrw.de', password: 'bench-passwort-lang' }),
  });
  // Logged in: the response cache serves anonymous requests only, so every request here does the work.
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const v = SYNTHETIC_VERSION;
  const paths = [
    `/api/stats/ressorts?version=${v}`,
    `/api/stats/ressorts?version=${v}&asOf=2022-06-30`,
    `/api/stats/ressorts?version=${v}&rule=due_by_date`,
    `/api/goals?version=${v}`,
    `/api/goals?version=${v}&limit=500`,
    `/api/goals?version=${v}&q=ziel&sort=title`,
    '/api/goals/syn-0',
    `/api/stats/timeline?version=${v}`,
    `/api/stats/timeline?version=${v}&interval=quarter`,
    `/api/stats/timeline?version=${v}&knownAt=2024-06-30`,
    `/api/changes?since=2019-01-01&version=${v}`,
    '/api/feeds/changes.atom',
    `/api/export/changes.csv?since=2026-01-01&version=${v}`,
    `/api/export/goals.csv?version=${v}`,
    `/api/export/status-events.csv?version=${v}`,
    `/api/export/goals.json?version=${v}`,
    '/api/openapi.json',
  ];
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const rows = [];
  for (const target of paths) {
    const runs = target.startsWith('/api/export/goals') || target.startsWith('/api/export/status') ? 1 : 5;
    const times: number[] = [];
    let status = 0;
    let bytes = 0;
    await new Promise((resolve) => setTimeout(resolve, 20));
    loop.reset();
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const res = await fetch(`${url}${target}`, { headers: { cookie } });
      bytes = 0;
      for await (const chunk of res.body ?? []) bytes += (chunk as Uint8Array).length;
      times.push(performance.now() - t);
      status = res.status;
    }
    rows.push({
      path: target,
      status,
      size: `${(bytes / 1e6).toFixed(2)} MB`,
      'per request (median)': ms(quantile(times, 0.5)),
      'longest event-loop block': ms(loop.max / 1e6),
    });
  }
  loop.disable();
  await app.close();
  console.log(
    `\nRequest paths on the SYNTHETIC database with ${events.toLocaleString('de-DE')} status events (500 goals), served in this process:`,
  );
  console.table(rows);
}

function bundle() {
  const size = measureBundle();
  console.log(
    `\nClient: initial JS ${size.initialGzipKiB.toFixed(1)} KiB gzip (${size.initialFiles.length} files); largest chunk ${size.largestChunk} ${size.largestChunkKiB.toFixed(1)} KiB (uncompressed)`,
  );
}

/** Lighthouse on the overview of the real seed, served as `npm start` serves it (the build must exist). */
async function pageLoad() {
  if (LIGHTHOUSE_RUNS <= 0) return;
  // A new file: the server creates, migrates and seeds it as on a first `npm start`.
  const server = await startServer({ databasePath: path.join(dir, 'lighthouse.sqlite') });
  const rows = [];
  try {
    for (const formFactor of ['mobile', 'desktop'] as const) {
      const runs: LighthouseFigures[] = [];
      for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await runLighthouse(`${server.url}/`, formFactor));
      const median = (pick: (f: LighthouseFigures) => number) => quantile(runs.map(pick), 0.5);
      rows.push({
        'form factor': formFactor,
        'performance (median)': median((f) => f.score).toFixed(2),
        runs: runs.map((f) => f.score.toFixed(2)).join(' '),
        FCP: ms(median((f) => f.fcpMs)),
        LCP: ms(median((f) => f.lcpMs)),
        TBT: ms(median((f) => f.tbtMs)),
        CLS: median((f) => f.cls).toFixed(3),
        'speed index': ms(median((f) => f.speedIndexMs)),
      });
    }
  } finally {
    await server.stop();
  }
  console.log(
    `\nLighthouse 12, overview (/), ${LIGHTHOUSE_RUNS} runs per form factor (mobile: simulated slow 4G, 4× CPU slowdown):`,
  );
  console.table(rows);
}

try {
  bundle();
  await pageLoad();
  await http();
  await benchPublic(dir, SECONDS);
  await inProcess();
  await requestPaths(Math.max(...EVENT_COUNTS));
  await indicatorBench(dir);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
