import crypto from 'node:crypto';
import type { User } from '@zielmonitor/shared/schemas/auth';
import { IsoDate, Track } from '@zielmonitor/shared/schemas/common';
import { CountingRule } from '@zielmonitor/shared/schemas/counting-rule';
import { GoalsQuery } from '@zielmonitor/shared/schemas/goal';
import type {
  CreateSnapshotBody,
  CreateSnapshotResponse,
  SnapshotSummary,
  SnapshotView,
  ViewSnapshotPayload,
} from '@zielmonitor/shared/schemas/snapshot';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { formatDate } from '@zielmonitor/shared/time/format';
import type { z } from 'zod';
import { AppError } from '../lib/errors.ts';
import type { Db } from '../db/database.ts';
import type { Repositories } from '../repositories/index.ts';
import type { StoredSnapshot } from '../repositories/snapshots.ts';
import { computeRound } from './rounds.ts';
import type { StoredRound } from '../repositories/rounds.ts';

const roundOf = (repos: Repositories, id: number): StoredRound => {
  const round = repos.rounds.get(id);
  if (!round)
    throw new AppError(400, 'VALIDATION_ERROR', `view.path: unbekannte Berichtsrunde ${id}`, [
      { location: 'body', field: 'view.path', message: `unbekannte Berichtsrunde ${id}` },
    ]);
  return round;
};
import { absoluteUrl } from '../lib/links.ts';
import { consume, LIMITS } from './limits.ts';

const slugify = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/ß/g, 'ss')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'snapshot';

const sha256 = (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** The page a snapshot opens on: its view with the snapshot pinned instead of a date. */
function snapshotUrl(id: string, view: SnapshotView | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(view?.params ?? {})) if (key !== 'asOf') params.set(key, value);
  params.set('snapshot', id);
  return `${view?.path ?? '/'}?${params.toString()}`;
}

/** `url` is the snapshot's citable address: its page at the public origin, frozen at this snapshot. */
export const toSummary = ({ payloadJson: _p, viewJson, ...s }: StoredSnapshot, origin: string): SnapshotSummary => {
  const view = viewJson === null ? null : (JSON.parse(viewJson) as SnapshotView);
  return { ...s, view, url: absoluteUrl(origin, snapshotUrl(s.id, view)) };
};

const invalid = (key: string, message: string) =>
  new AppError(400, 'VALIDATION_ERROR', `view.params.${key}: ${message}`, [
    { location: 'body', field: `view.params.${key}`, message },
  ]);

/** A view parameter checked against the schema the page itself uses, or a 400 naming it. */
function param<T>(view: SnapshotView, key: keyof SnapshotView['params'], schema: z.ZodType<T>, fallback: T): T {
  const value = view.params[key];
  if (value === undefined || value === '') return fallback;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(key, parsed.error.issues[0]?.message ?? 'ungültiger Wert');
  return parsed.data;
}

const PAGE_TITLES: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^\/$/, () => 'Überblick'],
  [/^\/ziele$/, () => 'Zielliste'],
  [/^\/ziele\/(.+)$/, (m) => `Ziel ${m[1] ?? ''}`],
  [/^\/verlauf$/, () => 'Verlauf'],
  [/^\/aenderungen$/, () => 'Änderungen'],
  [/^\/44-zu-78$/, () => 'Von 44 zu 78 Zielen'],
  [/^\/sitzung$/, () => 'Sitzungsmodus'],
  [/^\/ressorts\/(.+)$/, (m) => `Ressort ${m[1] ?? ''}`],
  [/^\/runden\/(.+)$/, (m) => `Berichtsrunde ${m[1] ?? ''}`],
];

function pageTitle(path: string): string {
  for (const [pattern, title] of PAGE_TITLES) {
    const match = path.match(pattern);
    if (match) return title(match);
  }
  return 'Ansicht';
}

/**
 * The view, checked and in one canonical form (known keys in a fixed order, defaults left out),
 * and the figures it shows as of its date and as known now.
 */
function freeze(repos: Repositories, view: SnapshotView, now: Date) {
  const versionKey = view.params.version ?? '';
  const version = repos.versions.get(versionKey);
  if (!version) throw invalid('version', `unbekannte Version „${versionKey}“`);
  const today = todayInBerlin(now);
  const asOf = param(view, 'asOf', IsoDate, today);
  if (asOf > today) throw invalid('asOf', 'Das Datum liegt in der Zukunft');
  const track = param(view, 'track', Track, 'official');
  const rule = param(view, 'rule', CountingRule, 'all_goals');
  const filterKeys = ['ressort', 'horizon', 'status', 'q', 'dueBy', 'overdue', 'sort', 'order'] as const;
  const filters = GoalsQuery.safeParse(
    Object.fromEntries(filterKeys.flatMap((key) => (view.params[key] ? [[key, view.params[key]]] : []))),
  );
  if (!filters.success) {
    const issue = filters.error.issues[0];
    throw invalid(String(issue?.path[0] ?? 'filter'), issue?.message ?? 'ungültiger Wert');
  }
  const ressort = filters.data.ressort;
  if (ressort !== undefined && ressort !== 'unknown' && !repos.ressorts.exists(ressort)) {
    throw invalid('ressort', `unbekanntes Ressort „${ressort}“`);
  }
  const canonical: SnapshotView = {
    path: view.path,
    params: Object.fromEntries(
      Object.entries({ ...view.params, version: version.key, asOf }).filter(([, v]) => v !== ''),
    ),
  };
  const at = { asOf, knownAt: now.toISOString() };
  const goalQuery = { ...filters.data, version: version.key, limit: 100_000, offset: 0 };
  const goalPage = view.path.match(/^\/ziele\/(.+)$/)?.[1];
  const ressortPage = view.path.match(/^\/ressorts\/(.+)$/)?.[1];
  const roundPage = view.path.match(/^\/runden\/(\d+)$/)?.[1];
  const goals =
    goalPage !== undefined
      ? repos.goals.list({ ...goalQuery, q: undefined }, at).items.filter((g) => g.id === goalPage)
      : repos.goals.list(
          view.path === '/ziele' ? goalQuery : { ...goalQuery, ...(ressortPage ? { ressort: ressortPage } : {}) },
          at,
        ).items;
  const payload: ViewSnapshotPayload = {
    view: canonical,
    asOf,
    version: {
      key: version.key,
      title: version.title,
      declaredGoalCount: version.declaredGoalCount,
      documentedGoalCount: version.documentedGoalCount,
    },
    track,
    rule,
    stats: repos.stats.ressortStats(version.key, track, at, rule),
    goals,
    ...(roundPage !== undefined && { round: computeRound(repos, roundOf(repos, Number(roundPage)), asOf) }),
  };
  const title = `${pageTitle(view.path)} · Digitalstrategie ${version.key} · Stand ${formatDate(asOf, 'de')}`;
  return { canonical, payload, asOf, title };
}

/**
 * Freezes a view for anyone: its figures as of its date and as known now, stored byte for byte.
 * The SHA-256 of the payload is the content hash shown on screen and in print, and the address of
 * the content: freezing the same figures of the same view again answers the snapshot made first.
 * Anonymous snapshots are limited per address (by a keyed hash of it, never the address itself).
 */
export function createSnapshot(
  db: Db,
  repos: Repositories,
  user: User | null,
  body: CreateSnapshotBody,
  ip: string,
  origin: string,
  now = new Date(),
): CreateSnapshotResponse {
  return db
    .transaction((): CreateSnapshotResponse => {
      const { canonical, payload, asOf, title } = freeze(repos, body.view, now);
      const payloadJson = JSON.stringify(payload);
      const contentHash = sha256(payloadJson);
      const existing = repos.snapshots.byHash(contentHash);
      if (existing) return { ...toSummary(existing, origin), created: false };
      // An account's quota counts new snapshots only (anonymous ones are limited per address at the route).
      if (user) consume(db, repos, [{ limit: LIMITS.snapshotsPerAccount, key: String(user.id) }], now);
      const stored: StoredSnapshot = {
        id: `${slugify(body.title ?? title)}-${contentHash.slice(0, 10)}`,
        title: body.title ?? title,
        createdAt: now.toISOString(),
        asOf,
        contentHash,
        viewJson: JSON.stringify(canonical),
        payloadJson,
      };
      repos.snapshots.insert({ ...stored, createdBy: user?.id ?? null });
      repos.audit.append(
        {
          actorId: user?.id ?? null,
          actor: user?.email ?? 'anonym',
          action: 'snapshot.create',
          entityType: 'snapshot',
          entityId: stored.id,
          before: null,
          after: { title: stored.title, view: canonical, contentHash },
          ip,
        },
        now,
      );
      return { ...toSummary(stored, origin), created: true };
    })
    .immediate();
}
