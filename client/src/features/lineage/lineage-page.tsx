import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useRef } from 'react';
import { Link } from 'wouter';
import type { Fate } from '@zielmonitor/shared/schemas/lineage';
import { lineageQuery } from '../../api/lineage.ts';
import { CountingQuestions } from '../../components/counting-questions.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { ViewStamp } from '../../components/view-stamp.tsx';
import { useT } from '../../lib/i18n.ts';
import { useLineageT } from '../../lib/messages-lineage.ts';
import { lineageFlowsIn } from '@zielmonitor/shared/lineage/flows';
import { DuePanel } from './due-panel.tsx';
import { LineageDownloads } from './lineage-downloads.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';

const LineageSankey = lazy(() =>
  import('../../components/charts/lineage-sankey.tsx').then((m) => ({ default: m.LineageSankey })),
);

export function LineagePage() {
  const t = useT();
  const lineage = useQuery(lineageQuery({ from: '1.0', to: '2.0', track: 'official' }));
  const L = useLineageT();
  const figure = useRef<HTMLElement>(null);
  return (
    <>
      <h1>{L.title}</h1>
      <p className="lead">{L.intro}</p>
      <QueryState query={lineage}>
        {(data) => {
          const sankey = lineageFlowsIn(data, t.lang);
          return (
            <>
              <ViewStamp at={data.at} version={data.to.key} track={data.track} />
              <section className="panel" aria-labelledby="answer-title">
                <h2 id="answer-title">{L.answerTitle}</h2>
                <p data-testid="lineage-answer">
                  {L.answer(
                    data.from.declaredGoalCount,
                    data.to.declaredGoalCount,
                    data.from.documentedGoalCount,
                    data.to.documentedGoalCount,
                    data.totals.fates.unknown,
                  )}
                </p>
                <CountingQuestions version={data.from.key} />
                <ul>
                  {(Object.entries(data.totals.fates) as [Fate, number][])
                    .filter(([, n]) => n > 0)
                    .map(([fate, n]) => (
                      <li key={fate}>
                        {L.fate[fate]}: {n}
                        {fate === 'loosened' && <strong className="overdue"> – {L.loosenedFlag}</strong>}
                      </li>
                    ))}
                </ul>
              </section>
              <section className="panel" aria-labelledby="sankey-title">
                <h2 id="sankey-title">{L.sankeyTitle}</h2>
                <Suspense
                  fallback={
                    <div className="chart-placeholder" role="status">
                      {t.loading}
                    </div>
                  }
                >
                  <figure className="chart" data-testid="lineage-sankey" ref={figure}>
                    <LineageSankey data={sankey} />
                    <figcaption>{L.sankeySummary(sankey.flows.length)}</figcaption>
                  </figure>
                </Suspense>
                <LineageDownloads target={figure} data={data} />
                <TableScroll>
                  <table className="data-table" data-testid="lineage-table">
                    <caption>{L.tableCaption}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{L.fromCol}</th>
                        <th scope="col">{L.toCol}</th>
                        <th scope="col" className="num">
                          {t.overview.total}
                        </th>
                        <th scope="col">{t.nav.goals}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {sankey.flows.map((f) => (
                        <tr key={`${f.from}-${f.to}`}>
                          <th scope="row">{f.from}</th>
                          <td>{f.to}</td>
                          <td className="num">{f.goals.length}</td>
                          <td>
                            {f.goals.map((g, i) => (
                              <span key={g.id}>
                                {i > 0 && ', '}
                                <Link to={`/ziele/${encodeURIComponent(g.id)}`} title={g.title}>
                                  {g.id}
                                </Link>
                              </span>
                            ))}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </section>
              <section className="panel" aria-labelledby="fates-title">
                <h2 id="fates-title">{L.detailTitle}</h2>
                <ul className="fates">
                  {data.fates
                    .filter((f) => f.fate !== 'unknown')
                    .map((f) => (
                      <li key={f.goalId}>
                        <Link to={`/ziele/${encodeURIComponent(f.goalId)}`}>{f.goalId}</Link> {f.title} →{' '}
                        <strong className={f.fate === 'loosened' ? 'overdue' : undefined}>{L.fate[f.fate]}</strong>
                        {f.successors.map((s) => (
                          <span key={s.goalId}>
                            {' '}
                            → <Link to={`/ziele/${encodeURIComponent(s.goalId)}`}>{s.goalId}</Link> (
                            {t.goal.certainty[s.certainty]})
                          </span>
                        ))}
                        {f.basis && <p className="basis">{f.basis}</p>}
                      </li>
                    ))}
                </ul>
              </section>
            </>
          );
        }}
      </QueryState>
      <DuePanel />
    </>
  );
}
