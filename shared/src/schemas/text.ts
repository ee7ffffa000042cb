import { z } from 'zod';

/**
 * Text hygiene at the boundary. What a field accepts is what every later writer (Atom XML, CSV,
 * the dashboard, a printed snapshot) can carry: no C0 control characters (a NUL or a form feed
 * pasted from a PDF), no lone UTF-16 surrogates (half an emoji, which no UTF-8 encoder can
 * write) and not U+FFFE/U+FFFF, which XML forbids.
 */

// Tab (U+0009) and line feed (U+000A) are the only C0 characters a multi-line field keeps.
// eslint-disable-next-line no-control-regex -- finding control characters is this regex's purpose
const C0_SINGLE_LINE = /[\u0000-\u001F]/;
// eslint-disable-next-line no-control-regex -- finding control characters is this regex's purpose
const C0_MULTI_LINE = /[\u0000-\u0008\u000B-\u001F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NONCHARACTER = /[\uFFFE\uFFFF]/;

export const hasLoneSurrogate = (value: string): boolean => LONE_SURROGATE.test(value);

const MESSAGES = {
  singleLine: 'Darf keine Zeilenumbrüche, Tabulatoren oder anderen Steuerzeichen enthalten',
  multiLine: 'Darf außer Zeilenumbruch und Tabulator keine Steuerzeichen enthalten',
  encoding: 'Enthält ein ungültiges Unicode-Zeichen (z. B. ein halbes Emoji); bitte den Text neu eingeben',
};

const wellFormed = (value: string) => !LONE_SURROGATE.test(value) && !NONCHARACTER.test(value);

/** A one-line text (title, name, reference, search text): no control characters at all. */
export const singleLineText = () =>
  z
    .string()
    .refine((value) => !C0_SINGLE_LINE.test(value), { error: MESSAGES.singleLine, abort: true })
    .refine(wellFormed, { error: MESSAGES.encoding, abort: true });

/**
 * A text that may span lines (note, description): tab and line feed allowed. A Windows line end
 * (CR LF) is read as a line feed, as a browser's form field delivers it; a lone CR is refused.
 */
export const multiLineText = () =>
  z
    .string()
    .overwrite((value) => value.replace(/\r\n/g, '\n'))
    .refine((value) => !C0_MULTI_LINE.test(value), { error: MESSAGES.multiLine, abort: true })
    .refine(wellFormed, { error: MESSAGES.encoding, abort: true });
