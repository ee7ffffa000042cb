import type { Status, Track } from '../schemas/common.ts';
import { formatDate, formatPercent, formatNumber } from '../time/format.ts';
import { COUNTING_RULE_TEXT, type CountingRule } from './counting-rules.ts';
import { UNKNOWN_RESSORT } from './ressort-order.ts';

/**
 * A figure of the overview in words a Landtag would print: what it counts, for whom, in which
 * version, on whose assessment, under which counting rule and as of when. Without zod: the
 * dashboard's first screen names figures with it ("Fehler bei „MWIDE: 3 erreicht“ melden").
 */
export const FIGURE_MEASURES = ['declared', 'documented', 'goals', 'status', 'rate'] as const;
export type FigureMeasure = (typeof FIGURE_MEASURES)[number];

/** What a figure is: the basis a citable link pins, and the value the reader saw. */
export type FigureRecord = {
  measure: FigureMeasure;
  /** Only for measure `status`: which status the figure counts. */
  status?: Status | null | undefined;
  /** The Ressort of a per-Ressort figure (`unknown`: goals no source attributes); null for the whole version. */
  ressort: string | null;
  version: string;
  track: Track;
  rule: CountingRule;
  asOf: string;
  knownAt: string;
  value: number;
};

/** Genitive plural after "Anzahl": "Anzahl erreichter Ziele", "Anzahl der Ziele in Umsetzung". */
const STATUS_COUNT: Record<Status, string> = {
  unknown: 'Anzahl der Ziele mit unbekanntem Stand',
  planned: 'Anzahl geplanter Ziele',
  in_progress: 'Anzahl der Ziele in Umsetzung',
  partially_achieved: 'Anzahl teilweise erreichter Ziele',
  achieved: 'Anzahl erreichter Ziele',
  missed: 'Anzahl verfehlter Ziele',
  dropped: 'Anzahl aufgegebener Ziele',
};

const MEASURE_WORDS: Record<Exclude<FigureMeasure, 'status'>, string> = {
  declared: 'Anzahl der Ziele laut Strategie',
  documented: 'Anzahl der öffentlich belegten Ziele',
  goals: 'Anzahl der gezählten Ziele',
  rate: 'Erfüllungsquote',
};

const TRACK_WORDS: Record<Track, string> = {
  official: 'Einschätzung der Landesregierung',
  independent: 'unabhängige Einschätzungen',
};

/** A figure's value as the overview shows it: a count, or a rate in per cent. */
export const figureValue = (figure: Pick<FigureRecord, 'measure'>, value: number): string =>
  figure.measure === 'rate' ? formatPercent(value, 'de') : formatNumber(value, 'de');

/** What the figure counts, and for whom: "Anzahl erreichter Ziele des MWIDE". */
export function figureSubjectWords(figure: Pick<FigureRecord, 'measure' | 'status' | 'ressort'>): string {
  const what = figure.measure === 'status' ? STATUS_COUNT[figure.status ?? 'unknown'] : MEASURE_WORDS[figure.measure];
  if (figure.ressort === null) return what;
  return figure.ressort === UNKNOWN_RESSORT ? `${what} ohne belegtes Ressort` : `${what} des ${figure.ressort}`;
}

/**
 * The whole figure: "Anzahl erreichter Ziele des MWIDE, Digitalstrategie 2.0, Einschätzung der
 * Landesregierung, gezählt: alle Ziele, Stand 30.06.2022: gemeldet 3".
 */
export function figureWords(figure: FigureRecord): string {
  return [
    figureSubjectWords(figure),
    `Digitalstrategie ${figure.version}`,
    TRACK_WORDS[figure.track],
    `gezählt: ${COUNTING_RULE_TEXT[figure.rule].de.label}`,
    `Stand ${formatDate(figure.asOf, 'de')}: gemeldet ${figureValue(figure, figure.value)}`,
  ].join(', ');
}
