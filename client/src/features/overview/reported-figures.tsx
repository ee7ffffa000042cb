import { useQuery } from '@tanstack/react-query';
import type { ReportedFigure } from '@zielmonitor/shared/schemas/reported-figure';
import { reportedFiguresQuery } from '../../api/stats.ts';
import { QueryState } from '../../components/query-state.tsx';
import { formatDate } from '@zielmonitor/shared/time/format';
import { useT } from '../../lib/i18n.ts';
import { usePointInTime } from '../../lib/url-state.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

/** Figures on the same scope (basis and Ressort) that disagree on what was achieved. */
function contradictingIds(figures: ReportedFigure[]): Set<string> {
  const groups = new Map<string, ReportedFigure[]>();
  for (const f of figures) {
    if (f.achieved === null || f.total === null) continue;
    const key = `${f.basis}|${f.ressort ?? ''}|${f.total}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const ids = new Set<string>();
  for (const group of groups.values()) {
    if (new Set(group.map((f) => f.achieved)).size > 1) group.forEach((f) => ids.add(f.id));
  }
  return ids;
}

export function ReportedFigures({ version }: { version: string }) {
  const t = useT();
  const at = usePointInTime();
  const figures = useQuery(reportedFiguresQuery({ version, ...at }));
  return (
    <section aria-labelledby="figures-title" className="panel">
      <h2 id="figures-title">{t.overview.figuresTitle}</h2>
      <p>{t.overview.figuresIntro}</p>
      <QueryState query={figures} isEmpty={(d) => d.items.length === 0}>
        {(data) => {
          const contradicting = contradictingIds(data.items);
          return (
            <TableScroll>
              <table className="data-table figures-table" data-testid="reported-figures">
                <caption className="visually-hidden">{t.overview.figuresTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.overview.figureDate}</th>
                    <th scope="col">{t.overview.figureReporter}</th>
                    <th scope="col">{t.overview.figureScope}</th>
                    <th scope="col">{t.overview.figureValue}</th>
                    <th scope="col">{t.overview.figureSource}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((f) => (
                    <tr key={f.id} className={contradicting.has(f.id) ? 'contradiction' : undefined}>
                      <td>
                        {formatDate(
                          f.datePrecision === 'day' ? f.date : f.date.slice(0, f.datePrecision === 'month' ? 7 : 4),
                          t.lang,
                        )}
                      </td>
                      <td>
                        {f.reporter}
                        <br />
                        <span className={`kind kind-${f.reporterKind}`}>{t.overview.reporterKind[f.reporterKind]}</span>
                      </td>
                      <td>
                        {f.scope}
                        {f.ressort && <> · {f.ressort}</>}
                      </td>
                      <td>
                        {f.figure}
                        {contradicting.has(f.id) && (
                          <>
                            <br />
                            <strong className="contradiction-flag">⚠ {t.overview.contradiction}</strong>
                          </>
                        )}
                      </td>
                      <td>
                        {f.source.url ? (
                          <a href={f.source.url} rel="noreferrer noopener" target="_blank">
                            {f.source.publisher ?? f.source.id}
                          </a>
                        ) : (
                          (f.source.publisher ?? f.source.title)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          );
        }}
      </QueryState>
    </section>
  );
}
