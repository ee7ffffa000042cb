import { useQuery } from '@tanstack/react-query';
import { useWorkflowT } from '../../lib/messages-workflow.ts';
import { Link, useParams } from 'wouter';
import { goalsQuery } from '../../api/goals.ts';
import { ressortsQuery } from '../../api/meta.ts';
import { useKeptSearch } from '../../components/app-shell.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { ViewStamp } from '../../components/view-stamp.tsx';
import { formatDate } from '@zielmonitor/shared/time/format';
import { formatDueDate } from '../../lib/due-date.ts';
import { VoiceLinks } from '../../components/voices/voice-links.tsx';
import { useT } from '../../lib/i18n.ts';
import { responsibilityLine } from '../../lib/ressort-lineage.ts';
import { usePointInTime } from '../../lib/url-state.ts';
import { RessortIndicators } from '../../components/indicators/ressort-indicators.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';

/** One Ressort: name, validity, successors and predecessors, and every goal along its line of responsibility. */
export function RessortPage() {
  const t = useT();
  const { code = '' } = useParams();
  const at = usePointInTime();
  const kept = useKeptSearch();
  const ressorts = useQuery(ressortsQuery());
  const all = ressorts.data ?? [];
  const ressort = all.find((r) => r.code === code);
  const line = responsibilityLine(all, code);
  // Each goal once, under the Ressort responsible for it today; a dissolved Ressort shows the goals
  // the strategy gave it, with who is responsible for them today.
  const dissolvedOn = ressort?.validTo ?? null;
  const goals = useQuery({
    ...goalsQuery(
      dissolvedOn === null ? { responsible: code, limit: 500, ...at } : { ressort: code, limit: 500, ...at },
    ),
    enabled: Boolean(ressort),
  });
  const w = useWorkflowT();
  if (ressorts.isPending) return <p role="status">{t.loading}</p>;
  if (!ressort)
    return (
      <section>
        <h1>{t.ressortPage.notFound}</h1>
      </section>
    );
  return (
    <article>
      <h1>
        {ressort.code} – {ressort.name ?? ressort.code}
      </h1>
      {goals.data && <ViewStamp at={goals.data.at} version={null} track="official" />}
      <VoiceLinks
        subject={{ kind: 'ressort', id: ressort.code }}
        feed={`/api/feeds/changes.atom?ressort=${encodeURIComponent(ressort.code)}`}
      />
      <p>
        {t.ressortPage.valid(
          ressort.validFrom ? formatDate(ressort.validFrom, t.lang) : '–',
          ressort.validTo ? formatDate(ressort.validTo, t.lang) : t.ressortPage.today,
        )}
      </p>
      {ressort.successors.length > 0 && (
        <p>
          {t.ressortPage.successors}:{' '}
          {ressort.successors.map((s, i) => (
            <span key={s.code}>
              {i > 0 && ', '}
              <Link to={`/ressorts/${s.code}`}>{s.code}</Link>
              {s.note && ` (${s.note})`}
            </span>
          ))}
        </p>
      )}
      {line.length > 1 && (
        <p>
          {t.ressortPage.predecessors}:{' '}
          {line.slice(1).map((l, i) => (
            <span key={l.code}>
              {i > 0 && ', '}
              <Link to={`/ressorts/${l.code}`}>{l.code}</Link>
              {l.note && ` (${l.note})`}
            </span>
          ))}
        </p>
      )}
      <TableScroll>
        <table className="data-table" data-testid="ressort-goals">
          <caption>{dissolvedOn === null ? w.currentLine : w.strategyLine}</caption>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">{t.goals.colTitle}</th>
              <th scope="col">{w.strategyRessort}</th>
              <th scope="col">{w.responsibleToday}</th>
              <th scope="col">{t.goals.colDue}</th>
              <th scope="col">{t.goals.colStatus}</th>
            </tr>
          </thead>
          <tbody>
            {(goals.data?.items ?? []).map((g) => (
              <tr key={g.id}>
                <td className="mono">{g.id}</td>
                <td>
                  <Link to={`/ziele/${encodeURIComponent(g.id)}${kept}`}>{g.title}</Link>
                </td>
                <td>{g.leadRessort ?? t.unknownRessort}</td>
                <td>
                  {g.responsibility.ressorts.join(', ') || t.unknownRessort}
                  {g.responsibility.unsettled && <span className="muted"> ({w.unsettled})</span>}
                </td>
                <td>
                  {formatDueDate(g, t.lang) ?? '–'}
                  {g.overdue && (
                    <>
                      {' '}
                      <strong className="overdue">{t.goals.overdue}</strong>
                    </>
                  )}
                </td>
                <td>
                  <StatusBadge status={g.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <RessortIndicators codes={line.map((l) => l.code)} title={ressort.code} />
      <p className="basis">{t.ressortPage.sourcesNote}</p>
    </article>
  );
}
