import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useRef } from 'react';
import { COUNTING_RULES, COUNTING_RULE_TEXT, type CountingRule } from '@zielmonitor/shared/vocabulary/counting-rules';
import type { Track } from '@zielmonitor/shared/schemas/common';
import { ressortStatsCsvUrl, ressortStatsQuery } from '../../api/stats.ts';
import { DEFAULT_VERSION } from '../../components/app-shell.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { WhenVisible } from '../../components/when-visible.tsx';
import { formatPercent } from '@zielmonitor/shared/time/format';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { useT } from '../../lib/i18n.ts';
import { chartFacts, ressortChartHeight, toRessortRows } from '../../lib/shape-ressort-stats.ts';
import { ViewStamp } from '../../components/view-stamp.tsx';
import { usePointInTime, useUrlState } from '../../lib/url-state.ts';
import { CoverageNote } from './coverage-note.tsx';
import { HeadlineNumbers } from './headline-numbers.tsx';
import { RessortTable } from './ressort-table.tsx';
import { ruleFilters } from '../../lib/rule-filters.ts';
import { ZeroGoalPanel } from './zero-goal-panel.tsx';

// Below the fold, and with texts of its own: the first screen does not wait for it.
const IndicatorsPanel = lazy(() =>
  import('../../components/indicators/indicators-panel.tsx').then((m) => ({ default: m.IndicatorsPanel })),
);

// Downloading the chart as a file is for the few who cite it: its code loads after the first screen.
const RessortChartDownloads = lazy(() =>
  import('./ressort-chart-downloads.tsx').then((m) => ({ default: m.RessortChartDownloads })),
);

// Below the fold with a table of its own: the first screen does not wait for it.
const ReportedFigures = lazy(() => import('./reported-figures.tsx').then((m) => ({ default: m.ReportedFigures })));

// recharts is large: the first screen renders without waiting for it.
// The current reporting round is further down the page: it loads after the first screen.
const RoundPanel = lazy(() => import('./round-panel.tsx').then((m) => ({ default: m.RoundPanel })));
const RessortChart = lazy(() =>
  import('../../components/charts/ressort-chart.tsx').then((m) => ({ default: m.RessortChart })),
);

const DEFAULTS = { version: DEFAULT_VERSION, track: 'official', rule: 'all_goals' };

export function OverviewPage() {
  const t = useT();
  const [state, update] = useUrlState(DEFAULTS);
  const at = usePointInTime();
  const figure = useRef<HTMLElement>(null);
  const track = (state.track === 'independent' ? 'independent' : 'official') satisfies Track;
  const rule = ((COUNTING_RULES as readonly string[]).includes(state.rule) ? state.rule : 'all_goals') as CountingRule;
  const stats = useQuery(ressortStatsQuery({ version: state.version, track, rule, ...at }));
  const ruleText = COUNTING_RULE_TEXT[rule][t.lang];

  return (
    <>
      <h1>{t.overview.title}</h1>
      <p className="lead">{t.overview.intro}</p>
      <details className="plain-language">
        <summary>{t.plain.title}</summary>
        {t.plain.text.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </details>
      <div className="view-controls">
        <fieldset className="segmented">
          <legend>{t.track.label}</legend>
          {(['official', 'independent'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="track"
                value={value}
                checked={track === value}
                onChange={() => update({ track: value })}
              />
              {t.track[value]}
            </label>
          ))}
        </fieldset>
        <label className="control rule-control">
          <span>{t.overview.ruleLabel}</span>
          <select value={rule} onChange={(e) => update({ rule: e.target.value })}>
            {COUNTING_RULES.map((r) => (
              <option key={r} value={r}>
                {stats.data
                  ? t.overview.ruleOption(COUNTING_RULE_TEXT[r][t.lang].label, stats.data.ruleCounts[r])
                  : COUNTING_RULE_TEXT[r][t.lang].label}
              </option>
            ))}
          </select>
        </label>
        <details className="rule-text">
          <summary>{t.lang === 'de' ? 'Wie wird gezählt?' : 'How is this counted?'}</summary>
          <p>{ruleText.text}</p>
          <p>{t.overview.partialRule}</p>
          <p>{t.overview.datesRule}</p>
        </details>
      </div>
      <QueryState query={stats}>
        {(data) => {
          const rows = toRessortRows(data.items, t.unknownRessort);
          const facts = chartFacts(rows);
          // Each figure's "Fehler melden" names it by the basis its citable link pins.
          const basis = {
            version: data.version,
            track,
            rule,
            asOf: data.at.asOf ?? todayInBerlin(),
            knownAt: data.at.recordedUntil,
          };
          return (
            <>
              <ViewStamp
                at={data.at}
                version={data.version}
                track={track}
                rule={{ rule, basis: data.ruleCounts[rule] }}
              />
              <HeadlineNumbers stats={data} ruleLabel={ruleText.label} basis={basis} />
              <CoverageNote
                documented={data.documentedGoalCount}
                declared={data.declaredGoalCount}
                version={data.version}
              />
              <ZeroGoalPanel
                items={data.items}
                version={data.version}
                track={track}
                ruleLabel={ruleText.label}
                filters={ruleFilters(rule, data.referenceDate)}
                basis={basis}
              />
              <section aria-labelledby="chart-title" className="panel chart-panel">
                <h2 id="chart-title">
                  {t.overview.chartTitle}{' '}
                  <span className="rule-badge">
                    {ruleText.label} · {t.track[track]}
                  </span>
                </h2>
                {rows.length === 0 ? (
                  <p className="state state-empty">{t.overview.emptyBasis(ruleText.label)}</p>
                ) : (
                  <>
                    <figure className="chart" ref={figure}>
                      <WhenVisible height={ressortChartHeight(rows.length)} placeholder={t.loading}>
                        <RessortChart rows={rows} />
                      </WhenVisible>
                      <figcaption>
                        {t.overview.chartSummary(
                          facts.ressorts,
                          facts.best?.name ?? null,
                          formatPercent(facts.best?.rate ?? 0, t.lang),
                          facts.unassigned,
                        )}
                      </figcaption>
                    </figure>
                    <Suspense fallback={null}>
                      <RessortChartDownloads
                        target={figure}
                        rows={rows}
                        stats={data}
                        track={track}
                        ruleLabel={ruleText.label}
                      />
                    </Suspense>
                    <RessortTable
                      rows={rows}
                      version={data.version}
                      filters={ruleFilters(rule, data.referenceDate)}
                      basis={basis}
                    />
                    <p className="exports">
                      <a href={ressortStatsCsvUrl({ version: data.version, track, rule, ...at })} download>
                        {t.overview.tableCsv}
                      </a>
                    </p>
                  </>
                )}
              </section>
              <Suspense fallback={null}>
                <RoundPanel />
              </Suspense>
              <Suspense fallback={null}>
                <ReportedFigures version={state.version} />
              </Suspense>
              <Suspense fallback={null}>
                <IndicatorsPanel version={data.version} />
              </Suspense>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
