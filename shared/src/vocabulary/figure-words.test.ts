import { describe, expect, it } from 'vitest';
import { figureSubjectWords, figureWords, type FigureRecord } from './figure-words.ts';

const base: FigureRecord = {
  measure: 'status',
  status: 'achieved',
  ressort: 'MWIDE',
  version: '2.0',
  track: 'official',
  rule: 'all_goals',
  asOf: '2022-06-30',
  knownAt: '2026-11-30T10:00:00.000Z',
  value: 3,
};

describe('a figure of the overview in words', () => {
  it('names what it counts, for whom, on which basis, and the value seen', () => {
    expect(figureWords(base)).toBe(
      'Anzahl erreichter Ziele des MWIDE, Digitalstrategie 2.0, Einschätzung der Landesregierung, gezählt: alle Ziele, Stand 30.06.2022: gemeldet 3',
    );
  });

  it('says a rate in per cent, and the whole version or the goals without a Ressort as such', () => {
    expect(figureWords({ ...base, measure: 'rate', status: undefined, value: 0.25, track: 'independent' })).toBe(
      'Erfüllungsquote des MWIDE, Digitalstrategie 2.0, unabhängige Einschätzungen, gezählt: alle Ziele, Stand 30.06.2022: gemeldet 25\u00a0%',
    );
    expect(figureSubjectWords({ measure: 'declared', ressort: null })).toBe('Anzahl der Ziele laut Strategie');
    expect(figureSubjectWords({ measure: 'status', status: 'in_progress', ressort: 'unknown' })).toBe(
      'Anzahl der Ziele in Umsetzung ohne belegtes Ressort',
    );
    expect(figureWords({ ...base, rule: 'due_by_date', ressort: null })).toContain(
      'Anzahl erreichter Ziele, Digitalstrategie 2.0, Einschätzung der Landesregierung, gezählt: fällige Ziele',
    );
  });
});
