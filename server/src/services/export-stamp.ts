import { formatDate, formatDateTime } from '@zielmonitor/shared/time/format';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import type { Cutoff } from '../repositories/current-status-sql.ts';
import { NOW } from '../repositories/current-status-sql.ts';
import type { Repositories } from '../repositories/index.ts';
import { absoluteUrl } from '../lib/links.ts';

/** What an export says about itself, like every view: what it shows, as of when, as known when, and a link to it. */
export type ExportStamp = {
  /** One line in German: version, whose assessment, coverage, date and knowledge. */
  text: string;
  asOf: string;
  /** Everything entered up to this instant is in the export. */
  knownAt: string;
  /** The dashboard view with the same figures, date and knowledge pinned: it shows the same forever. */
  citableUrl: string;
};

/**
 * The stamp of an export of `path` (a dashboard page) with its view parameters. The knowledge is
 * the latest entry the export could see, so exporting the same record twice gives the same file.
 */
export function exportStamp(
  repos: Repositories,
  origin: string,
  view: { path: string; version: string | null; params: Record<string, string | undefined> },
  at: Cutoff,
): ExportStamp {
  const asOf = at.asOf === NOW.asOf ? todayInBerlin() : at.asOf;
  // The latest entry the export could see: the same record exported twice gives the same file.
  const knownAt = repos.knowledge.latestEntry(at.knownAt) ?? at.knownAt;
  const version = view.version === null ? undefined : repos.versions.get(view.version);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(view.params)) if (value) params.set(key, value);
  if (version) params.set('version', version.key);
  params.set('asOf', asOf);
  params.set('knownAt', knownAt);
  const text = [
    'Zielmonitor',
    version ? `Digitalstrategie ${version.key}` : 'Digitalstrategie 1.0 und 2.0',
    'Meldungen der Landesregierung und unabhängige Einschätzungen getrennt',
    version && `${version.documentedGoalCount} von ${version.declaredGoalCount} Zielen öffentlich belegt`,
    `Stand ${formatDate(asOf, 'de')}`,
    `Kenntnisstand: alle bis ${formatDateTime(knownAt, 'de')} eingetragenen Meldungen`,
  ]
    .filter(Boolean)
    .join(' · ');
  return { text, asOf, knownAt, citableUrl: absoluteUrl(origin, `${view.path}?${params.toString()}`) };
}
