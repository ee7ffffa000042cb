import type { Lang } from '../vocabulary/lang.ts';

/**
 * What a zod issue says, as a Landtag would publish it: "höchstens 100", "mindestens 12 Zeichen",
 * "ist kein gültiges Datum (JJJJ-MM-TT)" — never zod's "Zu groß: erwartet, dass number <=100 ist",
 * no type names, no enum values, no patterns. The sentence is the field's predicate: the form shows
 * it under the field's label, the API after the field.
 */
export type IssueFacts = {
  code: string;
  origin?: string;
  maximum?: unknown;
  minimum?: unknown;
  inclusive?: boolean;
  format?: string;
  expected?: string;
  input?: unknown;
  divisor?: unknown;
};

const number = (value: unknown, lang: Lang) => {
  const text = String(value);
  return lang === 'de' ? text.replace('.', ',') : text;
};
const count = (n: unknown, one: string, many: string) => (String(n) === '1' ? `1 ${one}` : `${String(n)} ${many}`);

const TEXT = {
  de: {
    max: (n: string) => `höchstens ${n}`,
    below: (n: string) => `kleiner als ${n}`,
    min: (n: string) => `mindestens ${n}`,
    above: (n: string) => `größer als ${n}`,
    chars: (n: unknown) => count(n, 'Zeichen', 'Zeichen'),
    entries: (n: unknown) => count(n, 'Eintrag', 'Einträge'),
    empty: 'darf nicht leer sein',
    missing: 'fehlt (Pflichtangabe)',
    type: {
      number: 'muss eine Zahl sein',
      int: 'muss eine ganze Zahl sein',
      string: 'muss ein Text sein',
      boolean: 'muss ja oder nein sein',
      array: 'muss eine Liste sein',
      date: 'muss ein Datum sein',
      other: 'hat nicht die erwartete Art',
    } as Record<string, string>,
    format: {
      email: 'ist keine gültige E-Mail-Adresse',
      url: 'ist keine gültige Internetadresse',
      date: 'ist kein gültiges Datum (JJJJ-MM-TT)',
      datetime: 'ist kein gültiger Zeitpunkt',
      other: 'hat nicht die erwartete Form',
    } as Record<string, string>,
    value: 'ist keiner der zulässigen Werte',
    unknownField: 'unbekanntes Feld',
    multiple: (n: string) => `muss ein Vielfaches von ${n} sein`,
    invalid: 'ist ungültig',
  },
  en: {
    max: (n: string) => `at most ${n}`,
    below: (n: string) => `less than ${n}`,
    min: (n: string) => `at least ${n}`,
    above: (n: string) => `more than ${n}`,
    chars: (n: unknown) => count(n, 'character', 'characters'),
    entries: (n: unknown) => count(n, 'entry', 'entries'),
    empty: 'must not be empty',
    missing: 'is missing (required)',
    type: {
      number: 'must be a number',
      int: 'must be a whole number',
      string: 'must be text',
      boolean: 'must be yes or no',
      array: 'must be a list',
      date: 'must be a date',
      other: 'is not of the expected kind',
    } as Record<string, string>,
    format: {
      email: 'is not a valid e-mail address',
      url: 'is not a valid web address',
      date: 'is not a valid date (YYYY-MM-DD)',
      datetime: 'is not a valid point in time',
      other: 'does not have the expected form',
    } as Record<string, string>,
    value: 'is not one of the allowed values',
    unknownField: 'unknown field',
    multiple: (n: string) => `must be a multiple of ${n}`,
    invalid: 'is invalid',
  },
};

const SIZED = new Set(['string', 'array', 'set', 'file']);

export function validationMessage(issue: IssueFacts, lang: Lang): string {
  const t = TEXT[lang];
  const unit = (n: unknown) =>
    issue.origin === 'string'
      ? t.chars(n)
      : issue.origin === 'array' || issue.origin === 'set'
        ? t.entries(n)
        : number(n, lang);
  switch (issue.code) {
    case 'too_big':
      return issue.inclusive === false && !SIZED.has(issue.origin ?? '')
        ? t.below(unit(issue.maximum))
        : t.max(unit(issue.maximum));
    case 'too_small':
      if (issue.origin === 'string' && String(issue.minimum) === '1') return t.empty;
      return issue.inclusive === false && !SIZED.has(issue.origin ?? '')
        ? t.above(unit(issue.minimum))
        : t.min(unit(issue.minimum));
    case 'invalid_type':
      if (issue.input === undefined) return t.missing;
      return t.type[issue.expected ?? ''] ?? t.type.other ?? t.invalid;
    case 'invalid_format': {
      const format = issue.format === 'iso_date' ? 'date' : issue.format === 'iso_datetime' ? 'datetime' : issue.format;
      return t.format[format ?? ''] ?? t.format.other ?? t.invalid;
    }
    case 'invalid_value':
      return t.value;
    case 'unrecognized_keys':
      return t.unknownField;
    case 'not_multiple_of':
      return t.multiple(number(issue.divisor, lang));
    default:
      return t.invalid;
  }
}
