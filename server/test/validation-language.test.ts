import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorOf, type TestApp } from './helper.ts';

const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

describe('validation messages in the reader’s language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('in German: natural words, no zod wording, no type names or operators', async () => {
    const res = await t.app.inject({ url: '/api/goals?limit=100000&status=done' });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { location: 'query', field: 'limit', message: matching(/^höchstens \d+$/) },
        { location: 'query', field: 'status', message: 'ist keiner der zulässigen Werte' },
      ]),
    );
    expect(error.message).toMatch(/^Ungültige Anfrage – /);
    expect(error.message).not.toMatch(/<=|number|erwartet, dass|Zu groß/);
  });

  it('in English when the English interface asks (Accept-Language: en)', async () => {
    const res = await t.app.inject({
      url: '/api/goals?limit=100000&status=done',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { location: 'query', field: 'limit', message: matching(/^at most \d+$/) },
        { location: 'query', field: 'status', message: 'is not one of the allowed values' },
      ]),
    );
    expect(error.message).toMatch(/^Invalid request – /);
  });
});
