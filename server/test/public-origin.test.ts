import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, parseOrigin, parseTrustProxy } from '../src/config.ts';
import { LIMITS } from '../src/services/limits.ts';
import { createAccount, createTestApp, type Account, type TestApp, errorOf } from './helper.ts';
import type { SnapshotSummary, SnapshotsResponse } from '@zielmonitor/shared/schemas/snapshot';

const PUBLIC = 'https://zielmonitor.landtag.example';

describe('PUBLIC_ORIGIN and TRUST_PROXY in the configuration', () => {
  it('normalise an origin and refuse anything with a path, query or credentials', () => {
    expect(parseOrigin('https://Zielmonitor.Landtag.example:443/')).toBe(PUBLIC);
    expect(parseOrigin('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
    for (const bad of [
      'zielmonitor.landtag.example',
      'https://a.example/pfad',
      'https://a.example/?x=1',
      'ftp://a.example',
      'https://u:p@a.example',
    ])
      expect(parseOrigin(bad)).toBeNull();
  });

  it('take a hop count or an address list, never "trust everyone"', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback, 10.0.0.0/8, ::1')).toEqual(['loopback', '10.0.0.0/8', '::1']);
    expect(parseTrustProxy('true')).toMatch(/fälschen/);
    expect(parseTrustProxy('0')).toMatch(/zwischen 1 und 10/);
    expect(parseTrustProxy('10.0.0.0/33')).toMatch(/10.0.0.0\/33/);
    expect(parseTrustProxy('proxy.example')).toMatch(/proxy.example/);
  });

  it('refuse a trusted proxy without a public origin, naming the setting', () => {
    expect(() => loadConfig({ TRUST_PROXY: '1' })).toThrow(/PUBLIC_ORIGIN: hinter einem Proxy/);
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'https://a.example/x' })).toThrow(/PUBLIC_ORIGIN/);
    expect(loadConfig({ PUBLIC_ORIGIN: PUBLIC, TRUST_PROXY: 'loopback' })).toMatchObject({
      PUBLIC_ORIGIN: PUBLIC,
      TRUST_PROXY: ['loopback'],
    });
  });
});

describe('behind a TLS proxy (PUBLIC_ORIGIN https, TRUST_PROXY 1)', () => {
  let t: TestApp;
  let admin: Account;
  const logLines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    t = await createTestApp({ publicOrigin: PUBLIC, trustProxy: 1, logger: { level: 'info', stream } });
    admin = await createAccount(t, { email: 'admin@nrw.de', name: 'Ada', role: 'admin', ressorts: [] }, PUBLIC);
  });
  afterAll(() => t.close());

  it('sets a Secure session cookie although the hop from the proxy is plain HTTP', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: PUBLIC, 'x-forwarded-for': '198.51.100.4' },
      payload: { email: admin.email, password: admin.password },
    });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'zm_session')).toMatchObject({ secure: true, httpOnly: true });
  });

  it('sends HSTS', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('compares Origin with PUBLIC_ORIGIN, not with Host or X-Forwarded-Host', async () => {
    const write = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/snapshots',
        headers: { cookie: admin.cookie, ...headers },
        payload: {
          title: 'Stand für den Ausschuss',
          view: { path: '/', params: { version: '1.0', asOf: '2021-06-30' } },
        },
      });
    expect((await write({ origin: PUBLIC })).statusCode).toBe(201);
    // What the old check accepted: Origin equal to whatever the request claims its own host is.
    expect((await write({ origin: 'http://localhost:80' })).statusCode).toBe(403);
    const forged = await write({
      origin: 'https://evil.example',
      host: 'evil.example',
      'x-forwarded-host': 'evil.example',
    });
    expect(forged.statusCode).toBe(403);
    expect(errorOf(forged).code).toBe('CROSS_ORIGIN');
  });

  it('builds feed links from PUBLIC_ORIGIN, and a forged Host cannot poison the cached feed', async () => {
    const forged = await t.app.inject({
      url: '/api/feeds/changes.atom',
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
    });
    expect(forged.statusCode).toBe(200);
    expect(forged.body).not.toContain('evil.example');
    const next = await t.app.inject({ url: '/api/feeds/changes.atom' });
    expect(next.headers['x-cache']).toBe('hit');
    expect(next.body).toBe(forged.body);
    expect(next.body).toContain(`<link rel="self" href="${PUBLIC}/api/feeds/changes.atom"/>`);
    const links = [...next.body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(1);
    expect(links.every((link) => link?.startsWith(`${PUBLIC}/`))).toBe(true);
  });

  it('gives snapshots their citable address at PUBLIC_ORIGIN', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/snapshots',
      headers: { cookie: admin.cookie, origin: PUBLIC, host: 'evil.example' },
      payload: { title: 'Zitierbarer Stand', view: { path: '/ziele', params: { version: '2.0', asOf: '2022-06-30' } } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const snapshot = created.json<SnapshotSummary>();
    expect(snapshot.url).toBe(`${PUBLIC}/ziele?version=2.0&snapshot=${snapshot.id}`);
    const listed = await t.app.inject({ url: '/api/snapshots', headers: { host: 'evil.example' } });
    expect(listed.json<SnapshotsResponse>().items.every((s) => s.url.startsWith(`${PUBLIC}/`))).toBe(true);
  });

  it('keys the login limit on the client address the proxy reports, so one attacker cannot lock out the rest', async () => {
    // 20 failed logins from one client, as the limiter counts them.
    for (let i = 0; i < LIMITS.loginPerAddress.max; i++)
      t.app.repos.rateLimits.add('login-address', '203.0.113.7', new Date());
    const attempt = (client: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: PUBLIC, 'x-forwarded-for': client },
        payload: { email: admin.email, password: admin.password },
      });
    expect((await attempt('203.0.113.7')).statusCode).toBe(429);
    expect((await attempt('203.0.113.8')).statusCode).toBe(200);
  });

  it('logs the client address, not the proxy', async () => {
    await t.app.inject({ url: '/api/versions', headers: { 'x-forwarded-for': '192.0.2.55' } });
    const incoming = logLines
      .map((line) => JSON.parse(line) as { req?: { url: string; remoteAddress: string } })
      .filter((l) => l.req?.url === '/api/versions');
    expect(incoming.at(-1)?.req?.remoteAddress).toBe('192.0.2.55');
  });
});

describe('without a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For: a client cannot pick the address its failures count against', async () => {
    for (let i = 0; i < LIMITS.loginPerAddress.max; i++)
      t.app.repos.rateLimits.add('login-address', '203.0.113.9', new Date());
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '203.0.113.9',
      headers: { origin: 'http://localhost:80', 'x-forwarded-for': '198.51.100.1' },
      payload: { email: 'niemand@nrw.de', password: 'falsch-falsch-falsch' },
    });
    expect(res.statusCode).toBe(429);
  });

  it('sends no HSTS and builds links from the listening address, never from Host', async () => {
    expect((await t.app.inject({ url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const feed = await fetch(`${address}/api/feeds/changes.atom`, { headers: { 'x-forwarded-host': 'evil.example' } });
    const body = await feed.text();
    expect(body).toContain(`<link rel="self" href="${address}/api/feeds/changes.atom"/>`);
    expect(body).not.toContain('evil.example');
  });
});
