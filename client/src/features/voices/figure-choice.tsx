import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { FigureSubject } from '@zielmonitor/shared/schemas/request-figure';
import type { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import { figureSubjectWords, figureValue } from '@zielmonitor/shared/vocabulary/figure-words';
import { UNKNOWN_RESSORT } from '@zielmonitor/shared/vocabulary/ressort-order';
import { ressortStatsQuery } from '../../api/stats.ts';
import { Field } from '../../components/field.tsx';
import { useVoicesT } from '../../lib/messages-voices.ts';
import { STATUS_ORDER } from '../../lib/status.ts';

type Choice = Pick<FigureSubject, 'measure' | 'status' | 'value'>;
const keyOf = (c: Pick<Choice, 'measure' | 'status'>) => `${c.measure}:${c.status ?? ''}`;

/** The other figures beside the one the reader came from: of the same Ressort, or of the whole version. */
function choicesOf(figure: FigureSubject, stats: RessortStatsResponse): Choice[] {
  const statuses = (count: (status: (typeof STATUS_ORDER)[number]) => number): Choice[] =>
    STATUS_ORDER.map((status) => ({ measure: 'status', status, value: count(status) }));
  if (figure.ressort !== null) {
    const item = stats.items.find((i) => i.ressort === figure.ressort);
    if (!item) return [];
    return [
      { measure: 'goals', value: item.total },
      ...statuses((s) => item.byStatus[s]),
      { measure: 'rate', value: item.fulfilmentRate },
    ];
  }
  const sum = (of: (i: RessortStatsResponse['items'][number]) => number) => stats.items.reduce((n, i) => n + of(i), 0);
  return [
    { measure: 'declared', value: stats.declaredGoalCount },
    { measure: 'documented', value: stats.documentedGoalCount },
    { measure: 'goals', value: sum((i) => i.total) },
    ...statuses((s) => sum((i) => i.byStatus[s])),
  ];
}

/**
 * Which figure of the row (or of the key figures) is wrong: the one the reader came from, as they
 * saw it, or another of the same basis — counted for exactly the date and knowledge they saw.
 */
export function FigureChoice({ figure, onChange }: { figure: FigureSubject; onChange: (f: FigureSubject) => void }) {
  const v = useVoicesT();
  const id = useId();
  const { version, track, rule, asOf, knownAt } = figure;
  const stats = useQuery(ressortStatsQuery({ version, track, rule, asOf, knownAt }));
  // The figure chosen keeps the value the reader saw; the others are counted for the same basis.
  const counted = stats.data ? choicesOf(figure, stats.data) : [];
  const choices = counted.some((c) => keyOf(c) === keyOf(figure))
    ? counted.map((c) => (keyOf(c) === keyOf(figure) ? figure : c))
    : [figure, ...counted];
  const perRessort = figure.ressort !== null && figure.ressort !== UNKNOWN_RESSORT;
  return (
    <Field id={`${id}-figure`} label={v.figureWhich} hint={perRessort ? v.figureToRessort : v.figureToAdmin}>
      {(props) => (
        <select
          {...props}
          value={keyOf(figure)}
          onChange={(e) => {
            const chosen = choices.find((c) => keyOf(c) === e.target.value);
            if (chosen) onChange({ ...figure, ...chosen, status: chosen.status });
          }}
        >
          {choices.map((c) => (
            <option key={keyOf(c)} value={keyOf(c)}>
              {figureSubjectWords({ ...c, ressort: figure.ressort })}: {figureValue(c, c.value)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
