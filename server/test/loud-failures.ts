/**
 * Errors nobody asserted fail the test that caused them: every error-level entry of a test app's
 * log and every console.error/console.warn is recorded here, and setup.ts fails the test after it
 * unless the test allowed that message (it provokes it on purpose).
 */
const recorded: string[] = [];
/** Patterns a test allowed, each for what is recorded after it allowed it. */
let allowed: { pattern: RegExp; from: number }[] = [];

/** Lets the current test log errors matching these patterns; everything else still fails it. */
export function allowLoggedErrors(...patterns: RegExp[]): void {
  allowed.push(...patterns.map((pattern) => ({ pattern, from: recorded.length })));
}

/** A line of the test apps' JSON log: kept when it is at error level (pino: 50) or above. */
export function recordLogLine(line: string): void {
  const entry: unknown = JSON.parse(line);
  if (typeof entry !== 'object' || entry === null || !('level' in entry) || typeof entry.level !== 'number') return;
  if (entry.level >= 50) recorded.push(`server log: ${line.trim()}`);
}

export function recordConsole(kind: 'error' | 'warn', args: unknown[]): void {
  recorded.push(`console.${kind}: ${args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' ')}`);
}

/** What was recorded since the last call and not allowed; clears both lists. */
export function takeUnexpected(): string[] {
  const unexpected = recorded.filter(
    (line, index) => !allowed.some(({ pattern, from }) => index >= from && pattern.test(line)),
  );
  recorded.length = 0;
  allowed = [];
  return unexpected;
}
