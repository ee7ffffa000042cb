import { describe, expect, it } from 'vitest';
import type { LineageResponse } from '@zielmonitor/shared/schemas/lineage';
import { lineageFlows } from './flows.ts';

const base = { key: '1.0', title: 'T', declaredGoalCount: 44, documentedGoalCount: 3 };
const data: LineageResponse = {
  from: base,
  to: { ...base, key: '2.0', declaredGoalCount: 78, documentedGoalCount: 3 },
  track: 'official',
  fates: [
    { goalId: 'a', title: 'A', ressort: null, fate: 'loosened', basis: null, successors: [], sources: [] },
    { goalId: 'b', title: 'B', ressort: null, fate: 'unknown', basis: null, successors: [], sources: [] },
    { goalId: 'c', title: 'C', ressort: null, fate: 'unknown', basis: null, successors: [], sources: [] },
  ],
  origins: [
    {
      goalId: 'x',
      title: 'X',
      ressort: null,
      origin: 'derived',
      certainty: 'documented',
      basis: null,
      predecessors: [],
    },
    { goalId: 'y', title: 'Y', ressort: null, origin: 'new', certainty: 'probable', basis: null, predecessors: [] },
  ],
  at: {
    asOf: '2021-11-19',
    knownAt: null,
    snapshot: null,
    recordedUntil: '2026-11-30T12:00:00.000Z',
    changedSince: null,
  },
  totals: {
    fates: {
      continued: 0,
      sharpened: 0,
      loosened: 1,
      split: 0,
      merged: 0,
      replaced: 0,
      achieved_and_ended: 0,
      dropped_unfulfilled: 0,
      unknown: 2,
    },
    origins: { new: 1, derived: 1, unknown: 0 },
  },
};

describe('lineageFlows', () => {
  it('gives one flow per fate and target, with the goals it stands for, and Sankey indexes that match', () => {
    const sankey = lineageFlows(data, {
      fate: (f) => `1.0 ${f}`,
      origin: (o) => `origin ${o}`,
      target: (t) => `→ ${t}`,
    });
    expect(sankey.flows.map((f) => [f.from, f.to, f.goals.map((g) => g.id)])).toEqual([
      ['1.0 loosened', '→ carried', ['a']],
      ['1.0 unknown', '→ unknown', ['b', 'c']],
      ['origin new', '→ new', ['y']],
    ]);
    for (const [i, link] of sankey.links.entries()) {
      expect(sankey.nodes[link.source]?.name).toBe(sankey.flows[i]?.from);
      expect(sankey.nodes[link.target]?.name).toBe(sankey.flows[i]?.to);
      expect(link.value).toBe(sankey.flows[i]?.goals.length);
    }
  });
});
