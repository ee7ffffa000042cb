import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { Track } from '@zielmonitor/shared/schemas/common';
import type { PointInTimeEcho } from '@zielmonitor/shared/schemas/point-in-time';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { formatDate, formatDateTime } from '@zielmonitor/shared/time/format';
import { COUNTING_RULE_TEXT, type CountingRule } from '@zielmonitor/shared/vocabulary/counting-rules';
import { versionsQuery } from '../api/meta.ts';
import { citableLink, withTodaysKnowledge } from '../lib/citable-link.ts';
import { useT } from '../lib/i18n.ts';

const StampActions = lazy(() => import('./stamp-actions.tsx').then((m) => ({ default: m.StampActions })));

export type StampProps = {
  /** The point in time of the view's main answer. */
  at: PointInTimeEcho;
  /** The version shown; null where a view spans both versions (a Ressort's line of responsibility). */
  version: string | null;
  /** Whose assessment the figures are; 'both' where the two tracks stand side by side. */
  track: Track | 'both';
  /** The counting rule and how many documented goals it covers; null where no rule applies. */
  rule?: { rule: CountingRule; basis: number | null } | null;
};

/**
 * What every view says about itself, on screen, in print and on slides: the version (and that it
 * is the preset one), whose assessment, the counting rule and its basis, the coverage, the date and
 * the knowledge — and a link that shows exactly these figures forever, and a way to freeze them.
 */
export function ViewStamp({ at, version, track, rule = null }: StampProps) {
  const t = useT();
  const [pathname] = useLocation();
  const search = useSearch();
  const versions = useQuery(versionsQuery());
  const [open, setOpen] = useState(false);
  const v = versions.data?.find((candidate) => candidate.key === version);
  const preset = version !== null && !new URLSearchParams(search).has('version');
  const link = citableLink(window.location.origin, pathname, search, at, version);
  const facts = [
    version === null
      ? t.stamp.allVersions
      : v
        ? t.stamp.version(v.key, formatDate(v.presentedOn, t.lang))
        : `${t.version} ${version}`,
    track === 'both' ? t.stamp.bothTracks : t.stamp.track(t.trackShort[track]),
    // A view without a counting rule says so, so that a printout never leaves the reader guessing.
    rule ? t.stamp.rule(COUNTING_RULE_TEXT[rule.rule][t.lang].label, rule.basis) : t.stamp.noRule,
    v && t.stamp.coverage(v.documentedGoalCount, v.declaredGoalCount),
    at.snapshot
      ? t.stamp.snapshot(at.snapshot.title)
      : at.asOf
        ? t.stamp.asOf(formatDate(at.asOf, t.lang))
        : t.stamp.asOfToday(formatDate(todayInBerlin(), t.lang)),
    t.stamp.knownAt(formatDateTime(at.recordedUntil, t.lang)),
  ].filter((fact): fact is string => Boolean(fact));

  return (
    <section className="view-stamp" aria-label={t.stamp.title} data-testid="view-stamp">
      <p className="stamp-facts">
        {facts.map((fact, i) => (
          <span key={fact}>
            {i > 0 && ' · '}
            {fact}
            {i === 0 && preset && <span className="muted"> ({t.stamp.defaultVersion})</span>}
          </span>
        ))}
      </p>
      {at.snapshot && (
        <p className="mono hash">
          {t.stamp.hash}: {at.snapshot.contentHash}
        </p>
      )}
      {at.changedSince !== null && (
        <p className={at.changedSince > 0 ? 'stamp-changed' : 'muted'} data-testid="changed-since">
          {at.changedSince > 0 ? t.stamp.changedSince(at.changedSince) : t.stamp.unchangedSince}{' '}
          {at.changedSince > 0 && <Link to={withTodaysKnowledge(pathname, search, at)}>{t.stamp.todaysKnowledge}</Link>}
        </p>
      )}
      <p className="print-only stamp-link">
        {t.stamp.cite}: {link}
      </p>
      {/* Copying and freezing are for the few who cite: their code loads when the section is opened. */}
      <details className="stamp-actions" onToggle={(e) => e.currentTarget.open && setOpen(true)}>
        <summary>{t.stamp.cite}</summary>
        {open && (
          <Suspense fallback={<p role="status">{t.loading}</p>}>
            <StampActions link={link} at={at} version={version} />
          </Suspense>
        )}
      </details>
    </section>
  );
}
