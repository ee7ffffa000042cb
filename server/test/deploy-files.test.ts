import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, repoRoot } from '../src/config.ts';

const deploy = path.join(repoRoot, 'scripts', 'deploy');
const read = (name: string) => fs.readFileSync(path.join(deploy, name), 'utf8');

/** The directives of a unit file, each name with all its values, comments left out. */
function directives(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (match?.[1]) map.set(match[1], [...(map.get(match[1]) ?? []), match[2] ?? '']);
  }
  return map;
}

describe('what an operator installs (scripts/deploy)', () => {
  it('runs the service as its own account, read-only except the data folder, restarted on failure', () => {
    const unit = directives(read('zielmonitor.service'));
    expect(unit.get('User')).toEqual(['zielmonitor']);
    expect(unit.get('ProtectSystem')).toEqual(['strict']);
    expect(unit.get('ReadWritePaths')).toEqual(['/var/lib/zielmonitor']);
    expect(unit.get('NoNewPrivileges')).toEqual(['yes']);
    expect(unit.get('Restart')).toEqual(['on-failure']);
    expect(unit.get('UMask')).toEqual(['0077']);
    expect(unit.get('CapabilityBoundingSet')).toEqual(['']);
    expect(unit.get('ExecStart')?.[0]).toMatch(/server\/dist\/server\.js$/);
  });

  it('backs up every night with the checked backup, keeping the newest 14', () => {
    const service = directives(read('zielmonitor-backup.service'));
    const timer = directives(read('zielmonitor-backup.timer'));
    expect(service.get('ExecStart')?.[0]).toMatch(
      /scripts\/backup\.ts backup --into \/var\/backups\/zielmonitor --keep 14$/,
    );
    expect(service.get('User')).toEqual(['zielmonitor']);
    expect(service.get('NoNewPrivileges')).toEqual(['yes']);
    expect(timer.get('OnCalendar')).toEqual(['*-*-* 02:30:00']);
    expect(timer.get('Persistent')).toEqual(['true']);
  });

  it('ships an environment file the server accepts', () => {
    const env = Object.fromEntries(
      read('zielmonitor.env')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(loadConfig(env)).toMatchObject({
      PUBLIC_ORIGIN: 'https://zielmonitor.landtag.example',
      TRUST_PROXY: ['loopback'],
      HOST: '127.0.0.1',
    });
  });

  it('has unit files systemd itself accepts', () => {
    let analyze: string;
    try {
      analyze = execFileSync('which', ['systemd-analyze']).toString().trim();
    } catch {
      console.warn('Übersprungen: systemd-analyze fehlt (apt-get install -y systemd).');
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-units-'));
    // verify checks that ExecStart's program exists: here it is this Node.js, wherever it is installed.
    for (const name of ['zielmonitor.service', 'zielmonitor-backup.service', 'zielmonitor-backup.timer'])
      fs.writeFileSync(path.join(dir, name), read(name).replaceAll('/usr/bin/node', process.execPath));
    try {
      const output = execFileSync(
        analyze,
        ['verify', '--man=no', ...fs.readdirSync(dir).map((n) => path.join(dir, n))],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      expect(output).toBe('');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
