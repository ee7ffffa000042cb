import { Link } from 'wouter';
import { useT } from '../lib/i18n.ts';

/** The basis of the overview's figures, as its citable link pins it (lib/citable-link.ts). */
export type FigureBasis = { version: string; track: string; rule: string; asOf: string; knownAt: string };

/** One figure: what it counts (`status` for a count of goals with a status), for which Ressort, and what was shown. */
export type FigureRef = { measure: string; status?: string; ressort?: string; value: number };

/** The public form, naming the figure by its basis and the value the reader saw. */
function figureReportPath(basis: FigureBasis, figure: FigureRef): string {
  const params = new URLSearchParams({ zahl: figure.measure, ...basis, wert: String(figure.value) });
  if (figure.status) params.set('status', figure.status);
  if (figure.ressort) params.set('ressort', figure.ressort);
  return `/fehler-melden?${params.toString()}`;
}

/**
 * A small "Fehler melden" beside a figure. Its accessible name says which figure, as shown:
 * "Fehler bei „MWIDE: 3 erreicht“ melden". The form itself loads only when it is opened.
 */
export function FigureReportLink({ basis, figure, what }: { basis: FigureBasis; figure: FigureRef; what: string }) {
  const { before, hidden, after } = useT().overview.reportFigure;
  return (
    <Link className="figure-report" to={figureReportPath(basis, figure)}>
      {before}
      <span className="visually-hidden">{hidden(what)}</span>
      {after}
    </Link>
  );
}
