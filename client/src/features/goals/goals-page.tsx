import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { GOAL_SORT_KEYS, type GoalsQueryInput } from '@zielmonitor/shared/schemas/goal';
import { HORIZONS, STATUSES, type Horizon, type Status } from '@zielmonitor/shared/schemas/common';
import { useEffect, useState } from 'react';
import { withQuery } from '../../api/client.ts';
import { goalsQuery } from '../../api/goals.ts';
import { ressortsQuery } from '../../api/meta.ts';
import { DEFAULT_VERSION } from '../../components/app-shell.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { ViewStamp } from '../../components/view-stamp.tsx';
import { formatDate } from '@zielmonitor/shared/time/format';
import { useT } from '../../lib/i18n.ts';
import { usePointInTime, useUrlState } from '../../lib/url-state.ts';
import { GoalsTable } from './goals-table.tsx';

const DEFAULTS = {
  version: DEFAULT_VERSION,
  ressort: '',
  horizon: '',
  status: '',
  q: '',
  sort: 'id',
  order: 'asc',
  dueBy: '',
  overdue: '',
};
type Sort = (typeof GOAL_SORT_KEYS)[number];

export function GoalsPage() {
  const t = useT();
  const [state, update] = useUrlState(DEFAULTS);
  const at = usePointInTime();
  const ressorts = useQuery(ressortsQuery());
  const [search, setSearch] = useState(state.q);
  // Back and forward change the URL's search text: the box follows it (adjusted while rendering, not in an effect).
  const [shownQ, setShownQ] = useState(state.q);
  if (shownQ !== state.q) {
    setShownQ(state.q);
    setSearch(state.q);
  }
  // The search box updates the URL once typing pauses: one history entry per search, not per key.
  useEffect(() => {
    if (search === state.q) return;
    const timer = setTimeout(() => update({ q: search }), 300);
    return () => clearTimeout(timer);
  }, [search, state.q, update]);

  const query: GoalsQueryInput = {
    version: state.version,
    ressort: state.ressort || undefined,
    horizon: (HORIZONS as readonly string[]).includes(state.horizon) ? (state.horizon as Horizon) : undefined,
    status: (STATUSES as readonly string[]).includes(state.status) ? (state.status as Status) : undefined,
    q: state.q || undefined,
    dueBy: /^\d{4}-\d{2}-\d{2}$/.test(state.dueBy) ? state.dueBy : undefined,
    overdue: state.overdue === 'true' ? 'true' : undefined,
    sort: (GOAL_SORT_KEYS as readonly string[]).includes(state.sort) ? (state.sort as Sort) : 'id',
    order: state.order === 'desc' ? 'desc' : 'asc',
    limit: 500,
    ...at,
  };
  const goals = useQuery({ ...goalsQuery(query), placeholderData: keepPreviousData });
  const { limit: _limit, ...exportQuery } = query;
  const filtered = Boolean(state.ressort || state.horizon || state.status || state.q || state.dueBy || state.overdue);

  return (
    <>
      <h1>
        {t.goals.title} {state.version}
      </h1>
      <form className="filters" role="search" aria-label={t.goals.filters} onSubmit={(e) => e.preventDefault()}>
        <label className="control ressort-control">
          <span>{t.goals.ressort}</span>
          <select name="ressort" value={state.ressort} onChange={(e) => update({ ressort: e.target.value })}>
            <option value="">{t.goals.allRessorts}</option>
            {(ressorts.data ?? []).map((r) => (
              <option key={r.code} value={r.code}>
                {r.code} – {r.name ?? r.code}
              </option>
            ))}
            <option value="unknown">{t.unknownRessort}</option>
          </select>
        </label>
        <label className="control">
          <span>{t.goals.horizon}</span>
          <select name="horizon" value={state.horizon} onChange={(e) => update({ horizon: e.target.value })}>
            <option value="">{t.goals.allHorizons}</option>
            {HORIZONS.map((h) => (
              <option key={h} value={h}>
                {t.horizon[h]}
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          <span>{t.goals.status}</span>
          <select name="status" value={state.status} onChange={(e) => update({ status: e.target.value })}>
            <option value="">{t.goals.allStatuses}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.status[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="control grow">
          <span>{t.goals.search}</span>
          <input type="search" name="q" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        {state.dueBy && (
          <p className="filter-note">
            {t.goals.colDue} ≤ {formatDate(state.dueBy, t.lang)}
          </p>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={state.overdue === 'true'}
            onChange={(e) => update({ overdue: e.target.checked ? 'true' : '' })}
          />{' '}
          {t.goals.overdue}
        </label>
        {filtered && (
          <button
            type="button"
            onClick={() => update({ ressort: '', horizon: '', status: '', q: '', dueBy: '', overdue: '' })}
          >
            {t.goals.resetFilters}
          </button>
        )}
      </form>
      <QueryState query={goals}>
        {(data) => (
          <>
            <ViewStamp at={data.at} version={state.version} track="both" />
            <div className="table-toolbar">
              <p role="status" aria-live="polite" data-testid="goal-count">
                {t.goals.count(data.items.length, data.total)}
              </p>
              <p className="exports">
                <a href={withQuery('/api/export/goals.csv', exportQuery)} download>
                  {t.goals.exportCsv}
                </a>
                {' · '}
                <a href={withQuery('/api/export/goals.json', exportQuery)} download>
                  {t.goals.exportJson}
                </a>
              </p>
            </div>
            {data.items.length === 0 ? (
              <p className="state state-empty">{t.empty}</p>
            ) : (
              <GoalsTable
                items={data.items}
                sort={query.sort ?? 'id'}
                order={query.order ?? 'asc'}
                onSort={(sort, order) => update({ sort, order })}
              />
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
