import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoalDetail, GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import type { RessortsResponse } from '@zielmonitor/shared/schemas/ressort';
import type { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import type { ReportedFiguresResponse } from '@zielmonitor/shared/schemas/reported-figure';
import { createTestApp, errorOf, issueFields, seed, type TestApp, textContaining, objectContaining } from './helper.ts';

let t: TestApp;
const seedGoals = seed.goals;
const get = (url: string) => t.app.inject({ url });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/health', () => {
  it('answers ok', async () => {
    const res = await get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: { writable: true } });
  });
});

describe('GET /api/versions', () => {
  it('lists both versions with declared and documented goal counts', async () => {
    const titles = Object.fromEntries(seed.versions.map((v) => [v.key, v.title]));
    const res = await get('/api/versions');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        key: '1.0',
        title: titles['1.0'],
        presentedOn: '2019-04-10',
        declaredGoalCount: 44,
        documentedGoalCount: 29,
        countingQuestions: [
          {
            id: 'ZF01',
            goalIds: ['v1-13', 'v1-14'],
            question: textContaining('ein Ziel oder zwei'),
            wording: '► Gewerbegebiete und Schulen sind bis 2022 mit einem Gigabit-Anschluss versorgt.',
            status: 'open',
            sources: [objectContaining({ id: 'R02', url: textContaining('para/217') })],
          },
        ],
      },
      {
        key: '2.0',
        title: titles['2.0'],
        presentedOn: '2021-11-19',
        declaredGoalCount: 78,
        documentedGoalCount: 11,
        countingQuestions: [],
      },
    ]);
  });
});

describe('GET /api/ressorts', () => {
  it('lists the Ressorts with names, validity and successors', async () => {
    const res = await get('/api/ressorts');
    expect(res.statusCode).toBe(200);
    const ressorts = res.json<RessortsResponse>();
    const codes = ressorts.map((r) => r.code);
    for (const code of ['MWIDE', 'MKW', 'MSB', 'MAGS', 'IM', 'VM', 'MHKBG', 'MULNV', 'FM', 'JM', 'MKFFI', 'StK']) {
      expect(codes).toContain(code);
    }
    const mwide = ressorts.find((r) => r.code === 'MWIDE');
    expect(mwide?.name).toBe('Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie');
    expect(mwide?.successors.length).toBeGreaterThan(0);
  });
});

describe('GET /api/goals', () => {
  it('lists the documented goals of a version with their current status', async () => {
    const res = await get('/api/goals?version=1.0');
    expect(res.statusCode).toBe(200);
    const body = res.json<GoalsResponse>();
    expect(body.total).toBe(29);
    expect(body.items.map((g) => g.id)).toEqual(
      seedGoals
        .filter((g) => g.version === '1.0')
        .map((g) => g.id)
        .sort(),
    );
    for (const goal of body.items)
      expect(['unknown', 'planned', 'in_progress', 'partially_achieved', 'achieved', 'missed', 'dropped']).toContain(
        goal.status,
      );
  });

  it.each(['bürgeramt', 'BÜRGERAMT', 'Buergeramt', 'BürgerAmt'])(
    'finds the Bürgeramt goal searching %j, umlauts included',
    async (q) => {
      const res = await get(`/api/goals?q=${encodeURIComponent(q)}`);
      expect(res.json<GoalsResponse>().items.map((g) => g.id)).toEqual(
        seedGoals.filter((g) => /bürgeramt/i.test(g.title)).map((g) => g.id),
      );
    },
  );

  it('treats LIKE wildcards in the search text as plain characters', async () => {
    expect((await get('/api/goals?q=%25')).json<GoalsResponse>().total).toBe(
      seedGoals.filter((g) => g.title.includes('%')).length,
    );
    expect((await get('/api/goals?q=_')).json<GoalsResponse>().total).toBe(
      seedGoals.filter((g) => g.title.includes('_')).length,
    );
  });

  it('filters by Ressort, with unknown for goals no source attributes', async () => {
    const mwide = (await get('/api/goals?ressort=MWIDE&limit=500')).json<GoalsResponse>();
    expect(mwide.total).toBe(seedGoals.filter((g) => g.leadRessort === 'MWIDE').length);
    const unknown = (await get('/api/goals?ressort=unknown&limit=500')).json<GoalsResponse>();
    expect(unknown.total).toBe(seedGoals.filter((g) => g.leadRessort === null).length);
    expect(unknown.items.every((g) => g.leadRessort === null)).toBe(true);
  });

  it('sorts by due date with goals without one last, in both directions', async () => {
    for (const order of ['asc', 'desc']) {
      const body = (await get(`/api/goals?sort=dueDate&order=${order}&limit=500`)).json<GoalsResponse>();
      const items = body.items.map((g) => ({ dueDate: g.effectiveDueDate }));
      const dated = items.flatMap((g) => (g.dueDate === null ? [] : [g.dueDate]));
      const firstNull = items.findIndex((g) => g.dueDate === null);
      expect(firstNull === -1 || items.slice(firstNull).every((g) => g.dueDate === null)).toBe(true);
      expect(dated).toEqual([...dated].sort((a, b) => (order === 'asc' ? a.localeCompare(b) : b.localeCompare(a))));
    }
  });

  it('pages with limit and offset while total counts every match', async () => {
    const page = (await get('/api/goals?version=1.0&limit=5&offset=25')).json<GoalsResponse>();
    expect(page.total).toBe(29);
    expect(page.items).toHaveLength(4);
  });

  it.each([
    ['version=9.9', 'version'],
    ['version=abc', 'version'],
    ['ressort=XYZ', 'ressort'],
    ['status=done', 'status'],
    ['horizon=soon', 'horizon'],
    ['limit=0', 'limit'],
    ['sort=evil', 'sort'],
    ['ressorts=MSB', 'ressorts'],
  ])('answers %s with 400 naming %s', async (query, field) => {
    const res = await get(`/api/goals?${query}`);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION_ERROR');
    expect(issueFields(res)).toContain(field);
    expect(errorOf(res).message).toContain(field);
  });
});

describe('GET /api/goals/:id', () => {
  it('returns a goal with both tracks kept apart, sources and lineage', async () => {
    const res = await get('/api/goals/v1-13');
    expect(res.statusCode).toBe(200);
    const goal = res.json<GoalDetail>();
    expect(goal.id).toBe('v1-13');
    expect(goal.history.official.length + goal.history.independent.length).toBeGreaterThan(1);
    expect(goal.history.official.every((e) => e.track === 'official')).toBe(true);
    expect(goal.history.independent.every((e) => e.track === 'independent')).toBe(true);
    expect(goal.sources.length).toBeGreaterThan(0);
    expect(Object.keys(goal.sources[0] ?? {})).toEqual(['id', 'title', 'url', 'date', 'publisher']);
  });

  it('links lineage both ways', async () => {
    const links = seed.lineage;
    const link = links[0];
    if (!link) throw new Error('seed has no lineage');
    const from = (await get(`/api/goals/${link.fromGoalId}`)).json<GoalDetail>();
    const to = (await get(`/api/goals/${link.toGoalId}`)).json<GoalDetail>();
    expect(from.lineage.successors.map((l) => l.goalId)).toContain(link.toGoalId);
    expect(to.lineage.predecessors.map((l) => l.goalId)).toContain(link.fromGoalId);
  });

  it('answers an unknown goal with 404 and a malformed id with 400', async () => {
    const missing = await get('/api/goals/v1-99');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Ziel „v1-99“ nicht gefunden' } });
    const malformed = await get('/api/goals/..%2F..%2Fetc');
    expect(malformed.statusCode).toBe(400);
    expect(errorOf(malformed).issues?.[0]).toMatchObject({ location: 'params', field: 'id' });
  });
});

describe('GET /api/stats/ressorts', () => {
  it('has one item per Ressort with goals in the version, zero-achievement Ressorts included', async () => {
    for (const version of ['1.0', '2.0']) {
      const res = await get(`/api/stats/ressorts?version=${version}`);
      expect(res.statusCode).toBe(200);
      const body = res.json<RessortStatsResponse>();
      const goals = seedGoals.filter((g) => g.version === version);
      const expectedRessorts = new Set(goals.map((g) => g.leadRessort ?? 'unknown'));
      expect(new Set(body.items.map((i) => i.ressort))).toEqual(expectedRessorts);
      expect(body.items.reduce((sum, i) => sum + i.total, 0)).toBe(goals.length);
      for (const item of body.items) {
        expect(Object.values(item.byStatus).reduce((a, b) => a + b, 0)).toBe(item.total);
        expect(item.fulfilmentRate).toBeCloseTo(item.achieved / item.total);
      }
    }
  });

  it('needs a known version', async () => {
    expect(issueFields(await get('/api/stats/ressorts'))[0]).toBe('version');
    expect((await get('/api/stats/ressorts?version=3.0')).statusCode).toBe(400);
  });
});

describe('GET /api/reported-figures', () => {
  it('keeps the contradicting figures side by side, each with its source', async () => {
    const res = await get('/api/reported-figures?version=1.0');
    expect(res.statusCode).toBe(200);
    const items = res.json<ReportedFiguresResponse>().items;
    expect(items.length).toBeGreaterThan(3);
    expect(items.every((f) => f.source.id)).toBe(true);
    expect(items).toContainEqual(objectContaining({ reporterKind: 'government', achieved: 14, total: 18 }));
    expect(items).toContainEqual(objectContaining({ reporterKind: 'opposition', achieved: 14, total: 44 }));
  });
});

describe('unknown routes', () => {
  it('answer 404 in the one error shape', async () => {
    const res = await get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
  });
});
