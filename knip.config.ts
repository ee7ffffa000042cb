import type { KnipConfig } from 'knip';

/** Unused files, exports and dependencies across the workspaces: zero findings in npm run lint. */
export default {
  workspaces: {
    '.': {
      // login-flood.ts is started as a child process by the benchmark, not imported.
      entry: ['scripts/*.ts', 'scripts/lib/login-flood.ts'],
      project: ['scripts/**/*.ts', '*.{ts,js}'],
      // server/test/contract.test.ts runs its binary (node_modules/.bin/redocly) on the published document.
      ignoreDependencies: ['@redocly/cli'],
      // A system tool (e2fsprogs) the database-pressure test uses to make the WAL immutable.
      ignoreBinaries: ['chattr', 'pdfinfo', 'pdftotext'],
    },
    shared: { project: ['src/**/*.ts'] },
    // mail-crash-child.ts runs as a child process of the mail durability test, which kills it.
    server: { entry: ['test/mail-crash-child.ts'], project: ['src/**/*.ts', 'test/**/*.ts'] },
    client: { project: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts'] },
  },
} satisfies KnipConfig;
