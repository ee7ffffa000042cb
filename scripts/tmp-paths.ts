import { buildApp } from '../server/src/app.ts';
const db = process.argv[2]!; const v = process.argv[3] ?? '1.0';
const app = await buildApp({ databasePath: db, seedDir: process.argv[4] ?? null, clientDist: null, pressure: { maxEventLoopDelay: 60_000 } });
await app.ready();
const { hashPassword } = await import('../server/src/lib/passwords.ts');
try { app.repos.users.create({ email: 'p@nrw.de', name: 'P', role: 'admin', ressorts: [], passwordHash: await hashPassword('perf-passwort-lang') }, new Date().toISOString()); } catch {}
const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'http://localhost:80' }, payload: { email: 'p@nrw.de', password: 'perf-passwort-lang' } });
const cookie = `zm_session=${login.cookies.find((c) => c.name === 'zm_session')?.value}`;
const goal = (await app.inject({ url: `/api/goals?version=${v}&limit=1` })).json().items[0].id;
const urls = [
  `/api/health`, `/api/versions`, `/api/ressorts`, `/api/stats/ressorts?version=${v}`, `/api/stats/ressorts?version=${v}&rule=due_by_date`,
  `/api/stats/ressorts?version=${v}&asOf=2022-06-30`, `/api/goals?version=${v}`, `/api/goals?version=${v}&limit=500`, `/api/goals?version=${v}&q=ziel&sort=title`, `/api/goals/${goal}`,
  `/api/stats/timeline?version=${v}`, `/api/stats/timeline?version=${v}&interval=quarter`, `/api/stats/timeline?version=${v}&knownAt=2024-06-30`,
  `/api/changes?since=2019-01-01&version=${v}`, `/api/changes?since=2019-01-01`, `/api/feeds/changes.atom`, `/api/lineage?from=1.0&to=2.0`,
  `/api/stats/due?version=${v}&period=17`, `/api/reported-figures?version=${v}`, `/api/export/goals.csv?version=${v}`, `/api/export/goals.json?version=${v}`,
  `/api/export/status-events.csv?version=${v}`, `/api/export/changes.csv?since=2019-01-01&version=${v}`, `/api/openapi.json`,
];
for (const url of urls) {
  const times: number[] = []; let status = 0; let size = 0;
  for (let i = 0; i < 3; i++) { const t = performance.now(); const r = await app.inject({ url, headers: { cookie } }); times.push(performance.now() - t); status = r.statusCode; size = r.body.length; }
  console.log(times.map((t) => t.toFixed(1).padStart(7)).join(''), String(status).padStart(4), String(size).padStart(9), url);
}
await app.close();
