/**
 * `npm run bench`, indicator part: the indicator endpoints on a SYNTHETIC database with 100,000
 * readings over 100 indicators (never the real seed), served from this process over loopback:
 * time per request (median of 5) and the longest event-loop block while serving.
 */
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../../server/src/app.ts';
import { hashPassword } from '../../server/src/lib/passwords.ts';
import { NO_LOAD_SHEDDING } from '../../server/src/plugins/security.ts';
import { todayInBerlin } from '../../shared/src/time/berlin.ts';
import { buildSynthetic, SYNTHETIC_VERSION, syntheticIndicator } from '../synthetic.ts';

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
const ms = (n: number) => `${n.toFixed(2)} ms`;

export async function indicatorBench(dir: string, readings = 100_000, indicators = 100): Promise<void> {
  const file = path.join(dir, `synthetic-indicators-${readings}.sqlite`);
  const built = performance.now();
  buildSynthetic(file, { goals: 500, ressorts: 12, events: 10_000, indicators, readings }).close();
  const buildMs = performance.now() - built;
  // Readings enter the record at once (201): the write measured below is the one a release repeats.
  // Reads and writes are measured here; the second step of a login has its own tests.
  const app = await buildApp({
    databasePath: file,
    seedDir: null,
    clientDist: null,
    pressure: NO_LOAD_SHEDDING,
    mfaRequired: false,
    reviewRequired: false,
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
  // Logged in: the response cache serves anonymous requests only, so every request does the work.
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const v = SYNTHETIC_VERSION;
  const one = syntheticIndicator(0);
  const paths = [
    `/api/indicators?version=${v}`,
    `/api/indicators?version=${v}&asOf=2022-06-30`,
    `/api/indicators?version=${v}&knownAt=2023-06-30`,
    `/api/indicators/${one}`,
    `/api/indicators/${one}?asOf=2022-06-30&knownAt=2023-06-30`,
    `/api/goals?version=${v}&limit=500`,
    '/api/goals/syn-0',
    `/api/export/indicator-readings.csv?version=${v}`,
    '/api/dcat',
  ];
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const rows = [];
  for (const target of paths) {
    const runs = target.includes('/export/') ? 2 : 5;
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
  // Reporting a reading: authorization, revision check, insert, audit in one transaction.
  const writes: number[] = [];
  loop.reset();
  for (let i = 0; i < 50; i++) {
    const id = syntheticIndicator(1 + (i % 10));
    const detail = (await (await fetch(`${url}/api/indicators/${id}`, { headers: { cookie } })).json()) as {
      revision: number;
    };
    const t = performance.now();
    const res = await fetch(`${url}/api/indicators/${id}/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, cookie },
      body: JSON.stringify({
        value: 50,
        date: todayInBerlin(),
        note: 'Benchmark',
        evidence: { reference: 'SYN' },
        expectedRevision: detail.revision,
      }),
    });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`reading answered ${res.status}`);
    writes.push(performance.now() - t);
  }
  rows.push({
    path: 'POST /api/indicators/:id/readings',
    status: 201,
    size: '–',
    'per request (median)': ms(quantile(writes, 0.5)),
    'longest event-loop block': ms(loop.max / 1e6),
  });
  loop.disable();
  await app.close();
  console.log(
    `\nIndicator endpoints on the SYNTHETIC database with ${readings.toLocaleString('de-DE')} readings over ${indicators} indicators (built in ${(buildMs / 1000).toFixed(1)} s), served in this process:`,
  );
  console.table(rows);
}
