import type { GoalSummary } from '@zielmonitor/shared/schemas/goal';
import type { Fate, GoalFate, GoalOriginEntry, LineageResponse } from '@zielmonitor/shared/schemas/lineage';
import { FATES, ORIGINS } from '@zielmonitor/shared/schemas/lineage';
import type { Status, Track } from '@zielmonitor/shared/schemas/common';
import type { StrategyVersion } from '@zielmonitor/shared/schemas/version';
import type { LinkRow } from '../repositories/lineage.ts';
import type { Repositories } from '../repositories/index.ts';
import { NOW } from '../repositories/current-status-sql.ts';
import { formatDate } from '@zielmonitor/shared/time/format';
import { STATUS_LABEL_DE } from '@zielmonitor/shared/vocabulary/labels';

/**
 * A 1.0 goal's fate in 2.0, from the documented links and, where there is none, from its
 * status when 2.0 was presented. Exactly one fate per goal:
 * - one successor that has no other predecessor: the link's type (continued, sharpened, …);
 * - several successors: split; a successor shared with other goals: merged;
 * - no successor and achieved by then: achieved_and_ended (the minister: achieved goals were
 *   not carried into 2.0); dropped: dropped_unfulfilled; anything else: unknown — most of 2.0
 *   is undocumented, so "not carried over" cannot be concluded.
 */
export function deriveFate(goalId: string, links: LinkRow[], statusAtTransition: Status): Fate {
  const successors = links.filter((l) => l.fromGoalId === goalId);
  const first = successors[0];
  if (first && successors.length > 1) return 'split';
  if (first) return links.some((l) => l.toGoalId === first.toGoalId && l.fromGoalId !== goalId) ? 'merged' : first.type;
  if (statusAtTransition === 'achieved') return 'achieved_and_ended';
  if (statusAtTransition === 'dropped') return 'dropped_unfulfilled';
  return 'unknown';
}

const count = <K extends string>(keys: readonly K[], values: K[]) =>
  Object.fromEntries(keys.map((k) => [k, values.filter((v) => v === k).length])) as Record<K, number>;

export function buildLineage(
  repos: Repositories,
  from: StrategyVersion,
  to: StrategyVersion,
  track: Track,
  now = new Date(),
): LineageResponse {
  const links = repos.lineage.links(from.key, to.key);
  // Status as the record stood when the new version was presented.
  const at = { asOf: to.presentedOn, knownAt: NOW.knownAt };
  const all = { sort: 'id', order: 'asc', limit: 100_000, offset: 0 } as const;
  const fromGoals = repos.goals.list({ ...all, version: from.key }, at).items;
  const toGoals = repos.goals.list({ ...all, version: to.key }, at).items;
  const title = new Map([...fromGoals, ...toGoals].map((g) => [g.id, g.title]));
  const statusOf = (g: GoalSummary): Status => (track === 'official' ? g.status : (g.independent?.status ?? 'unknown'));

  const fates: GoalFate[] = fromGoals.map((g) => {
    const own = links.filter((l) => l.fromGoalId === g.id);
    const fate = deriveFate(g.id, links, statusOf(g));
    return {
      goalId: g.id,
      title: g.title,
      ressort: g.leadRessort,
      fate,
      basis:
        own
          .map((l) => l.basis)
          .filter(Boolean)
          .join(' · ') ||
        (fate === 'unknown' ? null : `Stand am ${formatDate(to.presentedOn, 'de')}: ${STATUS_LABEL_DE[statusOf(g)]}`),
      successors: own.map((l) => ({
        goalId: l.toGoalId,
        title: title.get(l.toGoalId) ?? l.toGoalId,
        type: l.type,
        certainty: l.certainty,
      })),
      sources: repos.sources.forGoal(g.id),
    };
  });
  const origins: GoalOriginEntry[] = toGoals.map((g) => {
    const own = links.filter((l) => l.toGoalId === g.id);
    const detail = repos.goals.get(g.id, at);
    const origin = own.length > 0 ? 'derived' : (detail?.origin?.type ?? 'unknown');
    return {
      goalId: g.id,
      title: g.title,
      ressort: g.leadRessort,
      origin,
      certainty:
        own.length > 0
          ? own.every((l) => l.certainty === 'documented')
            ? 'documented'
            : 'probable'
          : (detail?.origin?.certainty ?? 'unknown'),
      basis: detail?.origin?.basis ?? null,
      predecessors: own.map((l) => ({
        goalId: l.fromGoalId,
        title: title.get(l.fromGoalId) ?? l.fromGoalId,
        type: l.type,
        certainty: l.certainty,
      })),
    };
  });
  const counts = (v: StrategyVersion) => ({
    key: v.key,
    title: v.title,
    declaredGoalCount: v.declaredGoalCount,
    documentedGoalCount: v.documentedGoalCount,
  });
  return {
    from: counts(from),
    to: counts(to),
    track,
    fates,
    origins,
    totals: {
      fates: count(
        FATES,
        fates.map((f) => f.fate),
      ),
      origins: count(
        ORIGINS,
        origins.map((o) => o.origin),
      ),
    },
    at: { asOf: to.presentedOn, knownAt: null, snapshot: null, recordedUntil: now.toISOString(), changedSince: null },
  };
}
