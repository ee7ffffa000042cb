import type { KnipConfig } from 'knip';

/** Unused files, exports and dependencies across the workspaces: zero findings in npm run lint. */
export default {
  workspaces: {
    '.': {
      entry: ['scripts/*.ts'],
      project: ['scripts/**/*.ts', '*.{ts,js}'],
      // server/test/contract.test.ts runs its binary (node_modules/.bin/redocly) on the published document.
      ignoreDependencies: ['@redocly/cli'],
    },
    shared: { project: ['src/**/*.ts'] },
    server: { project: ['src/**/*.ts', 'test/**/*.ts'] },
    client: { project: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts'] },
  },
} satisfies KnipConfig;
