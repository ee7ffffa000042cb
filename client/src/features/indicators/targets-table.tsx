import type { IndicatorDetail } from '@zielmonitor/shared/schemas/indicator';
import { formatDate, wordingAddsToDate } from '@zielmonitor/shared/time/format';
import { statedDate } from '@zielmonitor/shared/time/partial-date';
import { formatValue } from '@zielmonitor/shared/indicators/words';
import { useIndicatorText } from '../../lib/indicator-text.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

/** Baseline, interim targets and target, each with the source's words. */
export function TargetsTable({ indicator }: { indicator: IndicatorDetail }) {
  const x = useIndicatorText();
  if (indicator.targets.length === 0) return <p>{x.noPath}</p>;
  return (
    <TableScroll>
      <table className="data-table" data-testid="targets-table">
        <caption>{x.targetsTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{x.kind.target}</th>
            <th scope="col">{x.colValue}</th>
            <th scope="col">{x.colDate}</th>
            <th scope="col">{x.colWording}</th>
            <th scope="col">{x.colSource}</th>
          </tr>
        </thead>
        <tbody>
          {indicator.targets.map((p) => (
            <tr key={p.id}>
              <th scope="row">{x.kind[p.kind]}</th>
              <td>{formatValue(p.value, indicator, x.lang)}</td>
              <td>
                {formatDate(statedDate(p.date, p.datePrecision), x.lang)}
                {p.dateWording && wordingAddsToDate(p.dateWording, p.date, p.datePrecision, x.lang) && (
                  <span className="basis">„{p.dateWording}“</span>
                )}
              </td>
              <td>
                {p.wording ?? '–'}
                {p.note && <span className="basis">{p.note}</span>}
              </td>
              <td>{p.source ? <a href={`#source-${p.source.id}`}>{p.source.id}</a> : (p.evidence.reference ?? '–')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {indicator.path.length === 0 && <p>{x.noPath}</p>}
    </TableScroll>
  );
}
