import { afterEach, beforeEach } from 'vitest';
import { takeUnexpected } from './harness.ts';

// Runs around every browser test (vitest.config.ts setupFiles): what went wrong unasked fails the test.
beforeEach(() => {
  takeUnexpected();
});

afterEach(() => {
  const unexpected = takeUnexpected();
  if (unexpected.length > 0) {
    throw new Error(
      `The test caused errors it did not expect (allowBrowserErrors(/…/) if it provokes them):\n${unexpected.join('\n')}`,
    );
  }
});
