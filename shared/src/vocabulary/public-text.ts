import { HORIZONS, STATUSES, TRACKS } from '../schemas/common.ts';
import { COUNTING_RULES } from './counting-rules.ts';
import { AVOIDED } from './glossary.ts';

/**
 * What must never reach a German reader — on a page, in a mail, a feed or an export's headers:
 * enum values, snake_case, unreplaced placeholders, the words the glossary avoids, English UI words.
 * One list for the page scan (client/e2e/german.test.ts) and the server's texts (server/test/public-german.test.ts).
 */
const ENUMS = [...new Set([...STATUSES, ...TRACKS, ...HORIZONS, ...COUNTING_RULES])];
export const LEAKS: [string, RegExp][] = [
  ['enum value', new RegExp(`(?<![\\w/.-])(${ENUMS.join('|')})(?![\\w/.-])`)],
  ['snake_case', /(?<![\w/.=&?-])[a-z]+_[a-z_]+(?![\w/.-])/],
  ['placeholder', /\{\{?\s*\w+\s*\}\}?|\$\{|__\w+__|\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/],
  ['word the glossary avoids', AVOIDED],
  ['English UI word', /\b(Loading|Error|Submit|Cancel|Search|Next|Previous|Back|Page \d|of \d+ goals|not found)\b/],
];

/** Each leak in `text`, line by line, as "kind „hit“ in „line“", prefixed with `where`. */
export function publicTextLeaks(where: string, text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    for (const [kind, pattern] of LEAKS) {
      const hit = pattern.exec(line);
      if (hit) found.push(`${where}: ${kind} „${hit[0]}“ in „${line.trim().slice(0, 120)}“`);
    }
  }
  return found;
}
