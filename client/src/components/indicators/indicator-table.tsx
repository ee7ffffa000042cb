import type { IndicatorSummary } from '@zielmonitor/shared/schemas/indicator';
import { Link } from 'wouter';
import { useKeptSearch } from '../app-shell.tsx';
import { useIndicatorText } from '../../lib/indicator-text.ts';
import { RatingText } from './rating-text.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';

/** Indicators with the latest rating of each track, each linking to its page. */
export function IndicatorTable({ items, caption }: { items: IndicatorSummary[]; caption: string }) {
  const x = useIndicatorText();
  const kept = useKeptSearch();
  if (items.length === 0) return <p className="state state-empty">{x.none}</p>;
  return (
    <TableScroll>
      <table className="data-table indicator-table" data-testid="indicator-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{x.name}</th>
            <th scope="col">{x.official}</th>
            <th scope="col">{x.independent}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} data-indicator={i.id}>
              <th scope="row">
                <Link to={`/kennzahlen/${encodeURIComponent(i.id)}${kept}`}>{i.name}</Link>
                <span className="muted"> · {i.goals.map((g) => g.goalId).join(', ')}</span>
              </th>
              <td data-track="official">
                <RatingText rating={i.rating.official} indicator={i} />
              </td>
              <td data-track="independent">
                <RatingText rating={i.rating.independent} indicator={i} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
