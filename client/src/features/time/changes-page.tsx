import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { ressortsQuery } from '../../api/meta.ts';
import { changesQuery } from '../../api/time.ts';
import { withQuery } from '../../api/client.ts';
import { DEFAULT_VERSION } from '../../components/app-shell.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDate } from '@zielmonitor/shared/time/format';
import { useT } from '../../lib/i18n.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { SnapshotsPanel } from './snapshots-panel.tsx';

/** The committee session of 2 December 2021: a natural first "since". */
const DEFAULT_SINCE = '2021-12-02';

export function ChangesPage() {
  const t = useT();
  const [state, update] = useUrlState({ version: DEFAULT_VERSION, since: DEFAULT_SINCE, until: '' });
  const changes = useQuery(
    changesQuery({ since: state.since, until: state.until || undefined, version: state.version }),
  );
  const ressorts = useQuery(ressortsQuery());
  return (
    <>
      <h1>{t.time.changesTitle}</h1>
      <p className="lead">{t.time.changesIntro}</p>
      <div className="view-controls">
        <label className="control">
          <span>{t.time.since}</span>
          <input
            type="date"
            value={state.since}
            onChange={(e) => e.target.value && update({ since: e.target.value })}
          />
        </label>
        <label className="control">
          <span>{t.time.until}</span>
          <input type="date" value={state.until} onChange={(e) => update({ until: e.target.value })} />
        </label>
      </div>
      <QueryState query={changes} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <>
            {data.truncated && <p className="form-error">{t.time.truncated}</p>}
            <p className="exports">
              <a
                href={withQuery('/api/export/changes.csv', {
                  since: state.since,
                  until: state.until || undefined,
                  version: state.version,
                })}
                download
              >
                {t.goals.exportCsv}
              </a>
            </p>
            <div className="table-scroll">
              <table className="data-table" data-testid="changes-table">
                <caption>{t.time.changesTitle.replace('…', formatDate(data.since, t.lang))}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.goal.effective}</th>
                    <th scope="col">{t.goals.colTitle}</th>
                    <th scope="col">{t.goals.colRessort}</th>
                    <th scope="col">
                      {t.time.from} → {t.time.to}
                    </th>
                    <th scope="col">{t.goal.reporter}</th>
                    <th scope="col">{t.goal.evidence}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => (
                    <tr key={c.event.id}>
                      <td>{formatDate(c.event.effectiveDate, t.lang)}</td>
                      <td>
                        <Link to={`/ziele/${encodeURIComponent(c.goalId)}`}>{c.goalId}</Link> {c.goalTitle}
                      </td>
                      <td>{c.ressort ?? t.unknownRessort}</td>
                      <td>
                        {c.from ? <StatusBadge status={c.from} /> : <span className="muted">{t.time.first}</span>} →{' '}
                        <StatusBadge status={c.to} />
                      </td>
                      <td>
                        {c.event.reporter}
                        <br />
                        <span className="muted">{t.track[c.event.track]}</span>
                      </td>
                      <td>
                        {c.event.evidence.url ? (
                          <a href={c.event.evidence.url} rel="noreferrer noopener" target="_blank">
                            {c.event.evidence.reference ?? c.event.sourceId ?? 'Link'}
                          </a>
                        ) : (
                          (c.event.evidence.reference ?? c.event.sourceId ?? '–')
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
      <section className="panel" aria-labelledby="feeds-title">
        <h2 id="feeds-title">{t.time.feeds}</h2>
        <ul className="inline-list">
          <li>
            <a href="/api/feeds/changes.atom">{t.time.feedAll}</a>
          </li>
          {(ressorts.data ?? []).map((r) => (
            <li key={r.code}>
              <a href={`/api/feeds/changes.atom?ressort=${encodeURIComponent(r.code)}`}>{r.code}</a>
            </li>
          ))}
        </ul>
      </section>
      <SnapshotsPanel />
    </>
  );
}
