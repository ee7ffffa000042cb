import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from '@zielmonitor/shared/schemas/auth';

/**
 * NIST SP 800-63B § 3.1.1.2 and OWASP ASVS 5.0 (6.2): a minimum length, no composition rules,
 * and nothing an attacker tries first. That is more than a list of leaked passwords: the list
 * with digits or symbols stuck on ("passwort12345"), keyboard rows ("qwertzuiop12") and a season
 * or month with a year ("Sommer2026!!"), the patterns German password studies find most
 * (HPI Identity Leak Checker, yearly "beliebteste Passwörter").
 */

const common = new Set(dictionary.passwords.map((p) => p.toLowerCase()));

/** Words German users build passwords from that the (mostly English) list may lack. */
const GERMAN_BASES = [
  'passwort',
  'kennwort',
  'geheim',
  'hallo',
  'willkommen',
  'schatz',
  'liebe',
  'fussball',
  'fußball',
  'frühling',
  'fruehling',
  'sommer',
  'herbst',
  'winter',
  'januar',
  'februar',
  'märz',
  'maerz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'dezember',
  'montag',
  'dienstag',
  'mittwoch',
  'donnerstag',
  'freitag',
  'samstag',
  'sonntag',
  'deutschland',
  'nrw',
  'düsseldorf',
  'duesseldorf',
  'landtag',
  'ministerium',
  'zielmonitor',
  'digitalstrategie',
  'spring',
  'summer',
  'autumn',
];
const bases = new Set([...common, ...GERMAN_BASES]);

/** Keyboard rows of German (QWERTZ) and English (QWERTY) layouts, columns, and the alphabet. */
const ROWS = [
  '1234567890ß',
  'qwertzuiopü',
  'asdfghjklöä',
  'yxcvbnm',
  'qwertyuiop',
  'zxcvbnm',
  '^1qay2wsx3edc4rfv5tgb',
  'abcdefghijklmnopqrstuvwxyz',
];
const RUN = 4;

/** Letters a password swaps in for others ("P@ssw0rt"). */
const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};

/** How many characters lie in runs of RUN or more neighbouring keys, forwards or backwards. */
function keyboardRunLength(lower: string): number {
  const covered = new Set<number>();
  for (const row of ROWS.flatMap((r) => [r, Array.from(r).reverse().join('')])) {
    for (let start = 0; start + RUN <= lower.length; start++) {
      let end = start;
      while (end + 1 < lower.length && row.includes(lower.slice(start, end + 2))) end += 1;
      if (end - start + 1 >= RUN) for (let i = start; i <= end; i++) covered.add(i);
    }
  }
  return covered.size;
}

/** The word left after stripping what is stuck on front and back: digits, symbols, spaces. */
const core = (lower: string): string => lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
const unleet = (lower: string): string =>
  Array.from(lower)
    .map((c) => LEET[c] ?? c)
    .join('');
const lettersOnly = (text: string): string => text.replace(/[^\p{L}]/gu, '');

/** The problem in German, or null. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  // Counted in code points, as SP 800-63B counts characters (an emoji is one, not two UTF-16 units).
  if (Array.from(password).length < PASSWORD_MIN_LENGTH)
    return `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein`;
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'Dieses Passwort steht auf einer Liste häufig verwendeter Passwörter';
  const personal = [context.email, context.email?.split('@')[0], context.name, ...(context.name?.split(/\s+/) ?? [])]
    .map((part) => lettersOnly(part?.toLowerCase() ?? ''))
    .filter((part) => part.length >= 3);
  const word = core(lower);
  if (personal.includes(lettersOnly(lower)))
    return 'Das Passwort darf nicht die E-Mail-Adresse oder der Name sein (auch nicht mit Ziffern davor oder dahinter)';
  if (new Set(password).size <= 2) return 'Das Passwort besteht fast nur aus einem Zeichen';
  if (keyboardRunLength(lower) * 2 >= Array.from(lower).length)
    return 'Das Passwort besteht überwiegend aus Tastenreihen oder Zeichenfolgen (wie „qwertz“, „asdf“ oder „abcd“)';
  for (const candidate of [word, core(unleet(word))]) {
    if (candidate.length >= 3 && bases.has(candidate))
      return 'Das Passwort ist ein häufiges Wort mit angehängten Ziffern oder Zeichen (wie „Sommer2026!“ oder „Passwort123“)';
  }
  return null;
}
