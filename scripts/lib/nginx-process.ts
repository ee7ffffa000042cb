import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, repoRoot, startServer, type ServerProcess } from './server-process.ts';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const OPENSSL = process.env.OPENSSL_PATH ?? '/usr/bin/openssl';
const NGINX_INSTALL_HINT =
  'Proxy-Tests übersprungen: kein nginx oder openssl gefunden. Installieren mit: apt-get update && apt-get install -y nginx openssl';

/** The site an operator installs (README "Betrieb"); tests and the benchmark run this very file. */
const SITE = path.join(repoRoot, 'scripts', 'deploy', 'nginx-zielmonitor.conf');

/**
 * Whether Debian's nginx (and openssl for the test certificate) is there. Without it the proxy tests
 * are skipped with the install command, except under CI=true, where a missing nginx fails the run.
 */
export function nginxAvailable(): boolean {
  if (fs.existsSync(NGINX) && fs.existsSync(OPENSSL)) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true, aber ${NGINX} oder ${OPENSSL} fehlt. ${NGINX_INSTALL_HINT}`);
  console.warn(NGINX_INSTALL_HINT);
  return false;
}

/** Replaces `from` by `to` where the site has it, and fails when it does not: the template must not drift. */
function replaceAll(text: string, from: string | RegExp, to: string): string {
  const replaced = text.replace(typeof from === 'string' ? new RegExp(escape(from), 'g') : from, to);
  if (replaced === text) throw new Error(`${SITE}: „${String(from)}“ nicht gefunden`);
  return replaced;
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The installed site with only what differs on a test machine changed: loopback and free ports
 * instead of 80/443 on every address, `localhost` for the host name, a certificate made for the
 * test, the app's port and a private cache folder.
 */
function renderSite(opts: { dir: string; httpPort: number; httpsPort: number; appPort: number }): string {
  let site = fs.readFileSync(SITE, 'utf8');
  site = replaceAll(site, /^\s*listen \[::\]:.*$/gm, '');
  site = replaceAll(site, /listen 80\b/g, `listen 127.0.0.1:${opts.httpPort}`);
  site = replaceAll(site, /listen 443\b/g, `listen 127.0.0.1:${opts.httpsPort}`);
  site = replaceAll(site, 'server_name zielmonitor.landtag.example;', 'server_name localhost;');
  site = replaceAll(site, 'https://zielmonitor.landtag.example', `https://localhost:${opts.httpsPort}`);
  site = replaceAll(site, '/etc/ssl/zielmonitor/fullchain.pem', path.join(opts.dir, 'cert.pem'));
  site = replaceAll(site, '/etc/ssl/zielmonitor/privkey.pem', path.join(opts.dir, 'key.pem'));
  site = replaceAll(site, 'server 127.0.0.1:3000;', `server 127.0.0.1:${opts.appPort};`);
  site = replaceAll(site, '/var/cache/nginx/zielmonitor', path.join(opts.dir, 'cache'));
  // The default_server blocks need no certificate of their own: the test's is fine.
  site = replaceAll(
    site,
    '    ssl_reject_handshake on;',
    `    ssl_reject_handshake on;\n    ssl_certificate ${path.join(opts.dir, 'cert.pem')};\n    ssl_certificate_key ${path.join(opts.dir, 'key.pem')};`,
  );
  return site;
}

export type NginxProcess = {
  origin: string;
  httpOrigin: string;
  ca: Buffer;
  child: ChildProcess;
  stop: () => Promise<void>;
};

/** Debian's nginx with the site in front of the app on `appPort`, a fresh self-signed certificate for localhost. */
async function startNginx(opts: { dir: string; appPort: number }): Promise<NginxProcess> {
  const { dir } = opts;
  for (const sub of ['cache', 'temp']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  execFileSync(
    OPENSSL,
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  fs.writeFileSync(path.join(dir, 'site.conf'), renderSite({ dir, httpPort, httpsPort, appPort: opts.appPort }));
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, 'temp', name)};`;
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    // Started as root, nginx would run its workers as nobody, who cannot enter a private temporary
    // folder: they run as whoever runs the test (nginx ignores the directive when not started as root).
    `user ${os.userInfo().username};
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  include ${path.join(dir, 'site.conf')};
}
`,
  );
  const child = spawn(
    NGINX,
    ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 15_000;
  while (!(await listening(httpsPort))) {
    const log = fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '';
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx startete nicht:\n${output}\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    origin: `https://localhost:${httpsPort}`,
    httpOrigin: `http://127.0.0.1:${httpPort}`,
    ca: fs.readFileSync(path.join(dir, 'cert.pem')),
    child,
    stop: async () => {
      // QUIT: finish the open requests, then stop (nginx's graceful shutdown).
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/**
 * The built app (as `npm start` runs it, with PUBLIC_ORIGIN and TRUST_PROXY as the env file sets
 * them) behind nginx. Ports are free when picked but may be taken before they are bound (another
 * process's outgoing connection): then it tries again with new ones, three times in all.
 */
export async function startBehindNginx(opts: {
  dir: string;
  databasePath: string;
  env?: Record<string, string>;
}): Promise<{ nginx: NginxProcess; server: ServerProcess }> {
  let failure: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const appPort = await freePort();
    const dir = path.join(opts.dir, `nginx-${attempt}`);
    fs.mkdirSync(dir, { recursive: true });
    let nginx: NginxProcess | undefined;
    try {
      nginx = await startNginx({ dir, appPort });
      const server = await startServer({
        databasePath: opts.databasePath,
        port: appPort,
        env: { PUBLIC_ORIGIN: nginx.origin, TRUST_PROXY: 'loopback', ...opts.env },
      });
      return { nginx, server };
    } catch (err) {
      failure = err;
      await nginx?.stop();
    }
  }
  throw failure;
}
