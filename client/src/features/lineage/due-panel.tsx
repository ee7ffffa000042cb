import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { dueQuery, periodsQuery } from '../../api/lineage.ts';
import { DEFAULT_VERSION } from '../../components/app-shell.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatDate } from '@zielmonitor/shared/time/format';
import { goalListLink } from '../../lib/goal-list-link.ts';
import { useT } from '../../lib/i18n.ts';
import { useLineageT } from '../../lib/messages-lineage.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

/** "Fällig bis Ende der Wahlperiode": per Ressort, what falls due within a legislative period. */
export function DuePanel() {
  const t = useT();
  const [state, update] = useUrlState({ version: DEFAULT_VERSION, period: '17' });
  const periods = useQuery(periodsQuery());
  const due = useQuery(dueQuery({ version: state.version, period: state.period }));
  const L = useLineageT();
  return (
    <section className="panel" aria-labelledby="due-title">
      <h2 id="due-title">{L.dueTitle}</h2>
      <label className="control">
        <span>{L.period}</span>
        <select value={state.period} onChange={(e) => update({ period: e.target.value })}>
          {(periods.data ?? []).map((p) => (
            <option key={p.key} value={p.key}>
              {p.name} ({formatDate(p.startsOn, t.lang)} – {p.endsOn ? formatDate(p.endsOn, t.lang) : '…'})
            </option>
          ))}
        </select>
      </label>
      <QueryState query={due}>
        {(data) => {
          const end = data.period.endsOn;
          const link = (ressort: string) =>
            goalListLink('', { version: data.version, ressort, dueBy: end ?? undefined });
          return (
            <TableScroll>
              <table className="data-table" data-testid="due-table">
                <caption>{L.dueCaption(data.period.name, end ? formatDate(end, t.lang) : '…')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.overview.ressort}</th>
                    <th scope="col" className="num">
                      {t.overview.total}
                    </th>
                    <th scope="col" className="num">
                      {L.dueIn}
                    </th>
                    <th scope="col" className="num">
                      {L.achievedIn}
                    </th>
                    <th scope="col" className="num">
                      {L.dueAfter}
                    </th>
                    <th scope="col" className="num">
                      {L.noDue}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((r) => (
                    <tr key={r.ressort}>
                      <th scope="row">
                        {r.ressort === 'unknown' ? (
                          t.unknownRessort
                        ) : (
                          <abbr title={r.ressortName ?? r.ressort}>{r.ressort}</abbr>
                        )}
                      </th>
                      <td className="num">{r.total}</td>
                      <td className="num">
                        {r.dueInPeriod > 0 ? <Link to={link(r.ressort)}>{r.dueInPeriod}</Link> : 0}
                      </td>
                      <td className="num">{r.achievedInPeriod}</td>
                      <td className="num">{r.dueAfterPeriod}</td>
                      <td className="num">{r.noDueDate}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="basis">{L.dueNote}</p>
            </TableScroll>
          );
        }}
      </QueryState>
    </section>
  );
}
