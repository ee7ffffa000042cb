import type { Fate, LineageResponse, Origin } from '../schemas/lineage.ts';
import type { Lang } from '../vocabulary/lang.ts';
import { LINEAGE_LABELS, type LineageTarget } from '../vocabulary/lineage.ts';

type Flow = { from: string; to: string; goals: { id: string; title: string }[] };
export type SankeyData = {
  nodes: { name: string }[];
  links: { source: number; target: number; value: number }[];
  flows: Flow[];
};

/** Where a 1.0 fate leads in 2.0: carried on (in some form), ended, or not known. */
const FATE_TARGET: Record<Fate, LineageTarget> = {
  continued: 'carried',
  sharpened: 'carried',
  loosened: 'carried',
  split: 'carried',
  merged: 'carried',
  replaced: 'carried',
  achieved_and_ended: 'ended',
  dropped_unfulfilled: 'ended',
  unknown: 'unknown',
};

/**
 * Flows for the Sankey and its table. Left: each 1.0 fate, plus the 2.0 goals without a 1.0
 * predecessor by origin; right: carried into 2.0, new in 2.0, origin unknown, not in 2.0,
 * whereabouts unknown. Only non-empty flows; every flow keeps the goals it stands for.
 */
export function lineageFlows(
  data: LineageResponse,
  label: { fate: (f: Fate) => string; origin: (o: Origin) => string; target: (t: LineageTarget) => string },
): SankeyData {
  const flows = new Map<string, Flow>();
  const add = (from: string, to: string, goal: { id: string; title: string }) => {
    const key = `${from}→${to}`;
    const flow = flows.get(key) ?? { from, to, goals: [] };
    flow.goals.push(goal);
    flows.set(key, flow);
  };
  for (const f of data.fates)
    add(label.fate(f.fate), label.target(FATE_TARGET[f.fate]), { id: f.goalId, title: f.title });
  for (const o of data.origins.filter((x) => x.origin !== 'derived')) {
    add(label.origin(o.origin), label.target(o.origin === 'new' ? 'new' : 'originUnknown'), {
      id: o.goalId,
      title: o.title,
    });
  }
  const list = [...flows.values()];
  const names = [...new Set([...list.map((f) => f.from), ...list.map((f) => f.to)])];
  return {
    nodes: names.map((name) => ({ name })),
    links: list.map((f) => ({ source: names.indexOf(f.from), target: names.indexOf(f.to), value: f.goals.length })),
    flows: list,
  };
}

/** The flows in the reader's words, as the page, its chart file and its CSV name them. */
export function lineageFlowsIn(data: LineageResponse, lang: Lang): SankeyData {
  const words = LINEAGE_LABELS[lang];
  return lineageFlows(data, {
    fate: (f) => `${data.from.key}: ${words.fate[f]}`,
    origin: (o) => `${data.to.key}: ${words.origin[o]}`,
    target: (t) => words.target[t],
  });
}
