import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_TEXT_EN } from '../src/lib/error-text.ts';
import { createTestApp, errorOf, sameOrigin, type TestApp } from './helper.ts';

const SRC = path.join(import.meta.dirname, '../src');

/** Every error code the server's source can answer with: AppError, RetryLater, limits and the handler's own. */
function codesInSource(): Set<string> {
  const codes = new Set<string>();
  const raised =
    /(?:AppError\(\s*\d+,\s*|RetryLater\(\s*\d+,\s*|TooManyRequests\(\s*|body\(\s*|code: |\[\d{3}, )'([A-Z][A-Z_]+)'/g;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        const text = fs.readFileSync(file, 'utf8');
        for (const match of text.matchAll(raised)) if (match[1]) codes.add(match[1]);
        if (text.includes('notFound(')) codes.add('NOT_FOUND');
      }
    }
  };
  walk(SRC);
  return codes;
}

// Words that only a German sentence has.
const GERMAN = /[äöüß]|\b(?:der|die|das|nicht|bitte|ist|und|Anfrage|Fehler)\b/i;

describe('server errors in the English interface', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('every error code the server can answer with has an English sentence, and no German in it', () => {
    const codes = codesInSource();
    // The scan itself must find the codes, or this test could not fail.
    expect(codes.size).toBeGreaterThan(20);
    expect([...codes].filter((code) => !Object.hasOwn(ERROR_TEXT_EN, code))).toEqual([]);
    for (const text of Object.values(ERROR_TEXT_EN)) expect(text).not.toMatch(GERMAN);
  });

  it('a domain error, its field issues and a refusal are English when asked in English, German otherwise', async () => {
    const en = { 'accept-language': 'en' };
    const missing = await t.app.inject({ url: '/api/goals/v9-99', headers: en });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing)).toEqual({ code: 'NOT_FOUND', message: ERROR_TEXT_EN.NOT_FOUND });
    expect(errorOf(await t.app.inject({ url: '/api/goals/v9-99' })).message).toMatch(GERMAN);

    const unknown = await t.app.inject({ url: '/api/stats/ressorts?version=9.9', headers: en });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown)).toEqual({
      code: 'VALIDATION_ERROR',
      message: ERROR_TEXT_EN.VALIDATION_ERROR,
      issues: [{ location: 'query', field: 'version', message: 'is not accepted here' }],
    });

    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/goals/v1-13/status',
      headers: { ...en, ...sameOrigin },
      payload: { status: 'achieved' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(errorOf(anonymous)).toEqual({ code: 'UNAUTHENTICATED', message: ERROR_TEXT_EN.UNAUTHENTICATED });
  });
});
