import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helper.ts';
import { allowLoggedErrors, takeUnexpected } from './loud-failures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());

describe('errors nobody expected', () => {
  it('are recorded from the test app log at error level, not below', () => {
    t.app.log.warn('nur eine Warnung');
    t.app.log.error({ code: 'KAPUTT' }, 'etwas ging schief');
    const found = takeUnexpected();
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('"msg":"etwas ging schief"');
  });

  it('are recorded from console.error and console.warn', () => {
    console.warn('Achtung');
    expect(takeUnexpected()).toEqual(['console.warn: Achtung']);
  });

  it('pass when the test allows them', () => {
    allowLoggedErrors(/etwas ging schief/);
    t.app.log.error('etwas ging schief');
    expect(takeUnexpected()).toEqual([]);
  });
});
