import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', include: ['shared/src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'server',
          include: ['server/test/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['server/test/setup.ts'],
        },
      },
      { test: { name: 'client', include: ['client/src/**/*.test.{ts,tsx}'], environment: 'node' } },
      {
        test: {
          name: 'browser',
          include: ['client/e2e/**/*.test.ts'],
          setupFiles: ['client/e2e/setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
