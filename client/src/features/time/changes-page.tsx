import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { formatDate, formatStatedDate } from '@zielmonitor/shared/time/format';
import { ressortsQuery } from '../../api/meta.ts';
import { changesQuery } from '../../api/time.ts';
import { withQuery } from '../../api/client.ts';
import { DEFAULT_VERSION } from '../../components/app-shell.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { ViewStamp } from '../../components/view-stamp.tsx';
import { useT } from '../../lib/i18n.ts';
import { usePointInTime, useUrlState } from '../../lib/url-state.ts';
import { SnapshotsPanel } from './snapshots-panel.tsx';
import { ReplyList } from '../../components/voices/reply-list.tsx';
import { VoiceLinks } from '../../components/voices/voice-links.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';

/** The committee session of 2 December 2021: a natural first "since". */
const DEFAULT_SINCE = '2021-12-02';

/** Every change to the record in a window, each said out loud: progress, setback, correction … */
export function ChangesPage() {
  const t = useT();
  const [state, update] = useUrlState({ version: DEFAULT_VERSION, since: DEFAULT_SINCE, until: '' });
  const { knownAt } = usePointInTime();
  const params = { since: state.since, until: state.until || undefined, version: state.version, knownAt };
  const changes = useQuery(changesQuery(params));
  const ressorts = useQuery(ressortsQuery());
  return (
    <>
      <h1>{t.time.changesTitle.replace('…', formatDate(state.since, t.lang))}</h1>
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
      <QueryState query={changes}>
        {(data) => (
          <>
            <ViewStamp at={data.at} version={state.version} track="both" />
            {data.truncated && <p className="form-error">{t.time.truncated}</p>}
            {data.items.length === 0 ? (
              <p className="state state-empty">{t.empty}</p>
            ) : (
              <>
                <p className="exports">
                  <a href={withQuery('/api/export/changes.csv', params)} download>
                    {t.goals.exportCsv}
                  </a>
                </p>
                <TableScroll>
                  <table className="data-table" data-testid="changes-table">
                    <caption>
                      {t.time.changesTitle.replace('…', formatDate(data.since, t.lang))} –{' '}
                      {formatDate(data.until, t.lang)}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t.time.kind}</th>
                        <th scope="col">{t.goals.colTitle}</th>
                        <th scope="col">
                          {t.time.from} → {t.time.to}
                        </th>
                        <th scope="col">{t.goal.effective}</th>
                        <th scope="col">{t.goal.reporter}</th>
                        <th scope="col">{t.goal.evidence}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.items.map((c) => (
                        <tr key={`${c.kind}-${c.event.id}`}>
                          <td>
                            <span className={`change-kind kind-${c.kind}`}>{t.changeKind[c.kind]}</span>
                            {c.reason && (
                              <p className="muted">
                                {t.time.reason}: {c.reason}
                              </p>
                            )}
                          </td>
                          <td>
                            <Link to={`/ziele/${encodeURIComponent(c.goalId)}`}>{c.goalId}</Link> {c.goalTitle}
                            <br />
                            <span className="muted">{c.ressort ?? t.unknownRessort}</span>
                          </td>
                          <td>
                            {c.from ? <StatusBadge status={c.from} /> : <span className="muted">{t.time.first}</span>} →{' '}
                            <StatusBadge status={c.to} />
                          </td>
                          <td>
                            {formatStatedDate(c.event.effectiveDate, c.event.effectiveDatePrecision, t.lang)}
                            {c.event.lateReport && (
                              <>
                                <br />
                                <strong className="late-report" title={t.goal.lateReportHint}>
                                  {t.goal.lateReport}
                                </strong>
                              </>
                            )}
                          </td>
                          <td>
                            {c.reporter}
                            <br />
                            <span className="muted">
                              {t.trackShort[c.track]} · {t.time.entered} {formatDate(c.recordedAt, t.lang)}
                            </span>
                            <ReplyList
                              replies={data.replies.filter((r) => r.target.id === c.event.id)}
                              correctable={[]}
                              replyPath={null}
                            />
                          </td>
                          <td>
                            {c.event.evidence.url ? (
                              <a href={c.event.evidence.url} rel="noreferrer noopener" target="_blank">
                                {c.event.evidence.reference ?? c.event.sourceId ?? c.event.evidence.url}
                              </a>
                            ) : (
                              (c.event.evidence.reference ?? c.event.sourceId ?? '–')
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </>
            )}
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
      <VoiceLinks subject={{ kind: 'version', id: state.version }} feed={null} />
      <SnapshotsPanel version={state.version} asOf={null} />
    </>
  );
}
