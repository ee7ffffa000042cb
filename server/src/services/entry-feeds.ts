import type { Reply } from '@zielmonitor/shared/schemas/reply';
import { formatNumber, formatStatedDate } from '@zielmonitor/shared/time/format';
import { CHANGE_KIND_LABELS, STATUS_LABEL_DE, TRACK_LABELS } from '@zielmonitor/shared/vocabulary/labels';
import type { FeedEntry } from '../lib/entry-feed.ts';
import { absoluteUrl } from '../lib/links.ts';
import { NOW } from '../repositories/current-status-sql.ts';
import type { Repositories } from '../repositories/index.ts';
import { replyAuthorLabel } from '@zielmonitor/shared/vocabulary/labels';

/**
 * The feeds of one goal and one indicator: every entry of both tracks, each correction and
 * withdrawal, and every reply — what a reader following a single goal wants to hear of.
 */

const FEED_SIZE = 100;
const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');

function replyEntries(origin: string, replies: Reply[], path: string, subject: string): FeedEntry[] {
  return replies.flatMap((r) => {
    const who = replyAuthorLabel(r.author);
    const link = absoluteUrl(origin, `${path}#${r.target.kind === 'reading' ? 'messwert' : 'meldung'}-${r.target.id}`);
    const entry: FeedEntry = {
      id: absoluteUrl(origin, `/api/replies/${r.id}`),
      title: `${subject}: ${r.corrects === null ? 'Stellungnahme' : 'berichtigte Stellungnahme'} von ${who}`,
      updated: r.recordedAt,
      link,
      summary: joined(r.text, r.evidence.url, r.evidence.reference),
      category: 'Stellungnahme',
    };
    const withdrawn: FeedEntry[] =
      r.supersededBy?.kind === 'withdrawal'
        ? [
            {
              id: absoluteUrl(origin, `/api/replies/ruecknahme-${r.id}`),
              title: `${subject}: Stellungnahme von ${who} zurückgenommen`,
              updated: r.supersededBy.recordedAt,
              link,
              summary: `Grund: ${r.supersededBy.reason}`,
              category: 'Rücknahme',
            },
          ]
        : [];
    return [entry, ...withdrawn];
  });
}

export function goalFeedEntries(repos: Repositories, origin: string, goalId: string, title: string): FeedEntry[] {
  const path = `/ziele/${encodeURIComponent(goalId)}`;
  const { official, independent } = repos.goals.history(goalId);
  const events = [...official, ...independent].flatMap((e): FeedEntry[] => {
    const link = absoluteUrl(origin, `${path}#meldung-${e.id}`);
    const when = formatStatedDate(e.effectiveDate, e.effectiveDatePrecision, 'de');
    const entry: FeedEntry = {
      // The same id as in the per-Ressort feed: a reader of both sees one report once.
      id: absoluteUrl(origin, `/api/status-events/${e.id}`),
      title: `${title}: ${CHANGE_KIND_LABELS.de[e.kind]} – ${STATUS_LABEL_DE[e.status]} (${TRACK_LABELS.de[e.track]})`,
      updated: e.recordedAt,
      link,
      summary: joined(
        `gültig ab ${when}`,
        `eingetragen von ${e.reporter}`,
        e.note,
        e.evidence.url,
        e.evidence.reference,
      ),
      category: TRACK_LABELS.de[e.track],
    };
    const withdrawal: FeedEntry[] =
      e.supersededBy?.kind === 'withdrawal'
        ? [
            {
              id: absoluteUrl(origin, `/api/status-events/ruecknahme-${e.id}`),
              title: `${title}: Rücknahme – ${STATUS_LABEL_DE[e.status]} (${TRACK_LABELS.de[e.track]})`,
              updated: e.supersededBy.recordedAt,
              link,
              summary: joined(`zurückgenommen von ${e.supersededBy.reporter}`, `Grund: ${e.supersededBy.reason}`),
              category: TRACK_LABELS.de[e.track],
            },
          ]
        : [];
    return [entry, ...withdrawal];
  });
  return [...events, ...replyEntries(origin, repos.replies.ofGoal(goalId), path, title)]
    .sort((a, b) => (a.updated < b.updated ? 1 : -1))
    .slice(0, FEED_SIZE);
}

export function indicatorFeedEntries(
  repos: Repositories,
  origin: string,
  indicatorId: string,
  name: string,
): FeedEntry[] {
  const path = `/kennzahlen/${encodeURIComponent(indicatorId)}`;
  const readings = repos.indicators.readings(indicatorId, NOW, FEED_SIZE).flatMap((r): FeedEntry[] => {
    const link = absoluteUrl(origin, `${path}#messwert-${r.id}`);
    const value = `${formatNumber(r.value, 'de')} (Stand ${formatStatedDate(r.date, r.datePrecision, 'de')})`;
    const entry: FeedEntry = {
      id: absoluteUrl(origin, `/api/readings/${r.id}`),
      title: `${name}: ${value} (${TRACK_LABELS.de[r.track]})`,
      updated: r.recordedAt,
      link,
      summary: joined(`eingetragen von ${r.reporter}`, r.note, r.evidence.url, r.evidence.reference),
      category: TRACK_LABELS.de[r.track],
    };
    const superseded: FeedEntry[] = r.superseded
      ? [
          {
            id: absoluteUrl(
              origin,
              `/api/readings/${r.superseded.kind === 'withdrawal' ? 'ruecknahme' : 'berichtigung'}-${r.id}`,
            ),
            title: `${name}: Messwert ${value} ${r.superseded.kind === 'withdrawal' ? 'zurückgenommen' : 'berichtigt'}`,
            updated: r.superseded.recordedAt,
            link,
            summary: `Grund: ${r.superseded.reason}`,
            category: TRACK_LABELS.de[r.track],
          },
        ]
      : [];
    return [entry, ...superseded];
  });
  return [...readings, ...replyEntries(origin, repos.replies.ofIndicator(indicatorId), path, name)]
    .sort((a, b) => (a.updated < b.updated ? 1 : -1))
    .slice(0, FEED_SIZE);
}
