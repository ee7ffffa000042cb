import { spawn } from 'node:child_process';
import { repoRoot } from '../../scripts/lib/server-process.ts';

/** Creates an account through the real CLI (`npm run user -- add …`), password on standard input. */
export function addUser(
  databasePath: string,
  user: {
    email: string;
    name: string;
    role: 'admin' | 'controller' | 'reviewer' | 'assessor';
    ressorts?: string;
    organisation?: string;
    password: string;
  },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = [
      '--import',
      'tsx/esm',
      'scripts/user.ts',
      'add',
      '--email',
      user.email,
      '--name',
      user.name,
      '--role',
      user.role,
      '--password-stdin',
    ];
    if (user.ressorts) args.push('--ressort', user.ressorts);
    if (user.organisation) args.push('--organisation', user.organisation);
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_PATH: databasePath },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`user add failed (${code}): ${output}`)),
    );
    child.stdin.end(`${user.password}\n`);
  });
}
