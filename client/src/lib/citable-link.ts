import type { PointInTimeEcho } from '@zielmonitor/shared/schemas/point-in-time';
import type { SnapshotView } from '@zielmonitor/shared/schemas/snapshot';
import { SNAPSHOT_VIEW_KEYS } from '@zielmonitor/shared/vocabulary/view-keys';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';

/**
 * The link to cite a view: its page and parameters with the date and the knowledge pinned —
 * `asOf` (the date shown, today if none) and `knownAt` (everything recorded up to the moment the
 * answer was computed). Opened later, it shows exactly the same figures. A snapshot is pinned
 * already: its link stays as it is. The version is always named, even when it is the preset one.
 */
export function citableLink(
  origin: string,
  pathname: string,
  search: string,
  at: PointInTimeEcho,
  version: string | null,
  now = new Date(),
): string {
  const params = new URLSearchParams(search);
  if (version !== null) params.set('version', version);
  if (!params.has('snapshot')) {
    params.set('asOf', at.asOf ?? todayInBerlin(now));
    params.set('knownAt', at.recordedUntil);
  }
  return `${origin}${pathname}?${params.toString()}`;
}

/** The same view with today's knowledge: knownAt and a snapshot dropped, the snapshot's date kept. */
export function withTodaysKnowledge(pathname: string, search: string, at: PointInTimeEcho): string {
  const params = new URLSearchParams(search);
  params.delete('knownAt');
  if (params.has('snapshot')) {
    params.delete('snapshot');
    if (at.asOf) params.set('asOf', at.asOf);
  }
  const rest = params.toString();
  return rest ? `${pathname}?${rest}` : pathname;
}

/** The view a snapshot freezes: the page and the parameters a snapshot keeps, the version always named. */
export function snapshotView(pathname: string, search: string, version: string, asOf: string | null): SnapshotView {
  const params = new URLSearchParams(search);
  const kept: SnapshotView['params'] = {};
  for (const key of SNAPSHOT_VIEW_KEYS) {
    const value = params.get(key);
    if (value) kept[key] = value;
  }
  kept.version = version;
  if (asOf) kept.asOf = asOf;
  return { path: pathname, params: kept };
}

/** A link the API gives as an absolute address (a snapshot's), as a path the dashboard navigates to. */
export function localPath(url: string): string {
  const parsed = new URL(url, 'http://localhost');
  return `${parsed.pathname}${parsed.search}`;
}
