import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.ts';
import { NO_LOAD_SHEDDING } from '../src/plugins/security.ts';
import { testLogger } from './helper.ts';

/** A built dashboard as the Vite build leaves it: hashed assets with .br and .gz beside them. */
function writeDist(dir: string) {
  const script = `console.log(${JSON.stringify('Zielmonitor '.repeat(400))});`;
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  const page =
    '<!doctype html><title>Zielmonitor</title><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>';
  fs.writeFileSync(path.join(dir, 'index.html'), page);
  fs.writeFileSync(path.join(dir, 'index.html.br'), zlib.brotliCompressSync(page));
  fs.writeFileSync(path.join(dir, 'index.html.gz'), zlib.gzipSync(page));
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), script);
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js.br'), zlib.brotliCompressSync(script));
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js.gz'), zlib.gzipSync(script));
  return script;
}

describe('serving the dashboard', () => {
  let dir: string;
  let app: App;
  let script: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-static-'));
    // Installed below a folder that happens to be called "assets": only the build's own assets/ is hashed.
    const dist = path.join(dir, 'assets', 'dist');
    script = writeDist(dist);
    app = await buildApp({
      databasePath: path.join(dir, 's.sqlite'),
      seedDir: null,
      clientDist: dist,
      pressure: NO_LOAD_SHEDDING,
      logger: testLogger,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends the precompressed Brotli file to a browser that accepts it, and keeps hashed assets for good', async () => {
    const res = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.rawPayload.length).toBeLessThan(script.length / 10);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('falls back to gzip, and to the plain file for a client that accepts neither', async () => {
    const gzip = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('has every page address and the service worker checked on each visit, so a new release is seen at once', async () => {
    for (const url of ['/', '/ziele?version=2.0', '/sitzung', '/sw.js']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const page = await app.inject({ url: '/ziele', headers: { 'accept-encoding': 'identity' } });
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('/assets/index-abc123.js');
  });

  it('answers GET / with the page whatever the client accepts: a client without Accept-Encoding got 403', async () => {
    for (const headers of [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'gzip' },
      { 'accept-encoding': 'br' },
    ]) {
      const res = await app.inject({ url: '/', headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(200);
      const encoding = res.headers['content-encoding'];
      const text =
        encoding === 'br'
          ? zlib.brotliDecompressSync(res.rawPayload).toString()
          : encoding === 'gzip'
            ? zlib.gunzipSync(res.rawPayload).toString()
            : res.body;
      expect(text, JSON.stringify(headers)).toContain('/assets/index-abc123.js');
    }
    const head = await app.inject({ method: 'HEAD', url: '/' });
    expect(head.statusCode).toBe(200);
  });
});
