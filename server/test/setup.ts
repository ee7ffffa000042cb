import { afterEach, beforeEach, vi } from 'vitest';
import { recordConsole, takeUnexpected } from './loud-failures.ts';

// Runs around every test of the server project (vitest.config.ts setupFiles).
beforeEach(() => {
  takeUnexpected();
  for (const kind of ['error', 'warn'] as const) {
    const original = console[kind].bind(console);
    vi.spyOn(console, kind).mockImplementation((...args: unknown[]) => {
      recordConsole(kind, args);
      original(...args);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  const unexpected = takeUnexpected();
  if (unexpected.length > 0) {
    throw new Error(
      `The test logged errors it did not expect (allowLoggedErrors(/…/) if it provokes them):\n${unexpected.join('\n')}`,
    );
  }
});
