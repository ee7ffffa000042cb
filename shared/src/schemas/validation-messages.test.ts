import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyGermanValidationMessages } from './locale.ts';
import { validationMessage } from './validation-messages.ts';

applyGermanValidationMessages();
const first = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues[0]?.message;

describe('validation messages as a Landtag would publish them', () => {
  it('says limits in words, without type names or operators', () => {
    expect(first(z.number().max(100), 101)).toBe('höchstens 100');
    expect(first(z.number().int().min(1), 0)).toBe('mindestens 1');
    expect(first(z.number().lt(2.5), 3)).toBe('kleiner als 2,5');
    expect(first(z.string().min(12), 'kurz')).toBe('mindestens 12 Zeichen');
    expect(first(z.string().max(1), 'zu lang')).toBe('höchstens 1 Zeichen');
    expect(first(z.string().min(1), '')).toBe('darf nicht leer sein');
    expect(first(z.array(z.string()).min(1), [])).toBe('mindestens 1 Eintrag');
  });

  it('says what is missing or malformed, and never lists enum values or patterns', () => {
    expect(first(z.object({ a: z.string() }), {})).toBe('fehlt (Pflichtangabe)');
    expect(first(z.number(), 'x')).toBe('muss eine Zahl sein');
    expect(first(z.email(), 'x')).toBe('ist keine gültige E-Mail-Adresse');
    expect(first(z.iso.date(), '2024-13-01')).toBe('ist kein gültiges Datum (JJJJ-MM-TT)');
    expect(first(z.enum(['achieved', 'in_progress']), 'done')).toBe('ist keiner der zulässigen Werte');
    expect(first(z.string().regex(/^v\d-\d\d$/), 'x')).toBe('hat nicht die erwartete Form');
    expect(first(z.strictObject({}), { extra: 1 })).toBe('unbekanntes Feld');
  });

  it('keeps a message the schema sets itself', () => {
    expect(first(z.string().min(3, 'Bitte mindestens drei Buchstaben.'), 'x')).toBe(
      'Bitte mindestens drei Buchstaben.',
    );
  });

  it('speaks English for the English interface', () => {
    applyGermanValidationMessages(() => 'en');
    expect(first(z.number().max(100), 101)).toBe('at most 100');
    applyGermanValidationMessages();
    expect(validationMessage({ code: 'too_big', origin: 'number', maximum: 100, inclusive: true }, 'en')).toBe(
      'at most 100',
    );
    expect(validationMessage({ code: 'too_small', origin: 'string', minimum: 12, inclusive: true }, 'en')).toBe(
      'at least 12 characters',
    );
    expect(validationMessage({ code: 'invalid_type', expected: 'number', input: undefined }, 'en')).toBe(
      'is missing (required)',
    );
  });
});
