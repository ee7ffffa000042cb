import type { FigureSubject, RequestFigure } from '@zielmonitor/shared/schemas/request-figure';
import type { RessortStat } from '@zielmonitor/shared/schemas/stats';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { figureValue, figureWords } from '@zielmonitor/shared/vocabulary/figure-words';
import { UNKNOWN_RESSORT } from '@zielmonitor/shared/vocabulary/ressort-order';
import { unknownValue } from '../lib/errors.ts';
import { carriedOnBy } from '../lib/responsibility.ts';
import type { StoredFigure } from '../repositories/correction-requests.ts';
import type { Repositories } from '../repositories/index.ts';
import { resolvePointInTime } from './point-in-time.ts';

/**
 * "Fehler melden" on a figure of the overview. The server counts the figure again for the basis
 * the reader's citable link pins (version, track, counting rule, asOf, knownAt) and refuses one
 * that does not exist there; it keeps the value the reader saw beside the one it counted.
 */

type Basis = Omit<FigureSubject, 'kind' | 'value'>;

const noSuchFigure = (field: string, message: string) => unknownValue('body', `subject.${field}`, message);

/** The value of a figure as the overview computes it (routes/stats.ts, lib/shape-ressort-stats.ts). */
function countFigure(repos: Repositories, basis: Basis): number {
  const version = repos.versions.get(basis.version);
  if (!version) throw noSuchFigure('version', `Die Version ${basis.version} gibt es nicht`);
  if (basis.measure === 'declared') return version.declaredGoalCount;
  if (basis.measure === 'documented') return version.documentedGoalCount;
  const { at } = resolvePointInTime(
    repos,
    { asOf: basis.asOf, knownAt: basis.knownAt },
    { version: version.key, goalId: null },
  );
  const items = repos.stats.ressortStats(version.key, basis.track, at, basis.rule);
  const of = (item: RessortStat): number =>
    basis.measure === 'rate'
      ? item.fulfilmentRate
      : basis.measure === 'status'
        ? item.byStatus[basis.status ?? 'unknown']
        : item.total;
  if (basis.ressort === null) return items.reduce((sum, item) => sum + of(item), 0);
  const item = items.find((i) => i.ressort === basis.ressort);
  if (!item)
    throw noSuchFigure(
      'ressort',
      `Für ${basis.ressort === UNKNOWN_RESSORT ? 'Ziele ohne belegtes Ressort' : `das Ressort ${basis.ressort}`} zeigt der Überblick auf dieser Grundlage keine Zahl`,
    );
  return of(item);
}

/**
 * The figure to store, and who answers for it: a per-Ressort figure goes to the Ressorts that carry
 * that Ressort on today (itself, or its successors once it was dissolved); a figure of the whole
 * version, and one of the goals without a Ressort, to the administration.
 */
export function figureSubject(
  repos: Repositories,
  subject: FigureSubject,
): { figure: StoredFigure; ressorts: string[]; label: string } {
  const { kind: _kind, value, ...basis } = subject;
  const figure: StoredFigure = {
    ...basis,
    status: basis.status ?? null,
    valueSeen: value,
    valueComputed: countFigure(repos, basis),
  };
  const ressorts =
    basis.ressort === null || basis.ressort === UNKNOWN_RESSORT
      ? []
      : carriedOnBy(basis.ressort, repos.responsibility.cuts(), todayInBerlin());
  return { figure, ressorts, label: figureLabel(figure) };
}

/** The overview as the reader saw it: the parameters of its citable link (client lib/citable-link.ts). */
export function figurePath(figure: StoredFigure): string {
  const params = new URLSearchParams({
    track: figure.track,
    rule: figure.rule,
    version: figure.version,
    asOf: figure.asOf,
    knownAt: figure.knownAt,
  });
  return `/?${params.toString()}`;
}

/** In words, with what the reader saw; and what the server counted, when that differs. */
export function figureLabel(figure: StoredFigure): string {
  const words = figureWords({ ...figure, status: figure.status, value: figure.valueSeen });
  if (figure.valueComputed === figure.valueSeen) return words;
  return `${words} (nachgezählt: ${figureValue(figure, figure.valueComputed)})`;
}

export const toFigureView = (figure: StoredFigure): RequestFigure => ({
  measure: figure.measure,
  status: figure.status,
  ressort: figure.ressort,
  version: figure.version,
  track: figure.track,
  rule: figure.rule,
  asOf: figure.asOf,
  knownAt: figure.knownAt,
  value: figure.valueSeen,
  computedValue: figure.valueComputed,
  words: figureLabel(figure),
  path: figurePath(figure),
});
