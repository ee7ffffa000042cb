import type { Change } from '@zielmonitor/shared/schemas/changes';
import { absoluteUrl } from './links.ts';
import { formatDate } from '@zielmonitor/shared/time/format';
import { statedDate } from '@zielmonitor/shared/time/partial-date';
import { CHANGE_KIND_LABELS, STATUS_LABEL_DE } from '@zielmonitor/shared/vocabulary/labels';

/**
 * What XML 1.0 forbids (§2.2 Char): C0 controls other than tab, LF and CR, lone surrogates,
 * U+FFFE and U+FFFF. The API refuses them on input, but the feed must stay well-formed whatever
 * the database holds (an old row, a direct import): one such character would break it for good,
 * since status events are never rewritten. Each is written as U+FFFD, the replacement character.
 */
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what XML 1.0 forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const escapeXml = (text: string): string =>
  text
    .replace(XML_FORBIDDEN, '\uFFFD')
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);

/** One sentence per change, in the words of the dashboard: kind, statuses, dates, who and why. */
function describeChange(c: Change): string {
  const kind = CHANGE_KIND_LABELS.de[c.kind];
  const from = c.from ? STATUS_LABEL_DE[c.from] : 'ohne Meldung';
  const effective = formatDate(statedDate(c.event.effectiveDate, c.event.effectiveDatePrecision), 'de');
  const parts = [
    c.kind === 'withdrawal'
      ? `${kind}: die Meldung „${STATUS_LABEL_DE[c.from ?? 'unknown']}“ (gültig ab ${effective}) wurde zurückgenommen; es gilt wieder „${STATUS_LABEL_DE[c.to]}“`
      : `${kind}: ${from} → ${STATUS_LABEL_DE[c.to]}, gültig ab ${effective}${c.event.lateReport ? ' (nachträglich gemeldet)' : ''}`,
    `eingetragen von ${c.reporter}`,
    c.reason ? `Grund: ${c.reason}` : null,
    c.kind === 'withdrawal' ? null : c.event.note,
    c.event.evidence.url,
    c.event.evidence.reference,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** An Atom 1.0 feed of the government's status reports, corrections and withdrawals, newest entry first. */
export function renderAtomFeed(opts: {
  /** The public origin every link starts with. */
  origin: string;
  ressort: string | null;
  changes: Change[];
  selfUrl: string;
}): string {
  const title = `Zielmonitor: Meldungen der Landesregierung${opts.ressort ? ` (${opts.ressort})` : ''}`;
  const updated = opts.changes[0]?.recordedAt ?? new Date(0).toISOString();
  const entries = opts.changes.map((c) => {
    const link = absoluteUrl(opts.origin, `/ziele/${encodeURIComponent(c.goalId)}`);
    // A withdrawal is its own entry: the withdrawn report's entry stays as readers saw it.
    const id = c.kind === 'withdrawal' ? `ruecknahme-${c.event.id}` : `${c.event.id}`;
    return `  <entry>
    <id>${escapeXml(absoluteUrl(opts.origin, `/api/status-events/${id}`))}</id>
    <title>${escapeXml(`${c.goalTitle}: ${CHANGE_KIND_LABELS.de[c.kind]} – ${STATUS_LABEL_DE[c.to]}`)}</title>
    <updated>${escapeXml(c.recordedAt)}</updated>
    <link href="${escapeXml(link)}"/>
    <category term="${escapeXml(c.ressort ?? 'ohne-ressort')}" label="${escapeXml(c.ressort ?? 'Ressort nicht belegt')}"/>
    <category term="${escapeXml(CHANGE_KIND_LABELS.de[c.kind])}"/>
    <summary>${escapeXml(describeChange(c))}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <id>${escapeXml(opts.selfUrl)}</id>
  <title>${escapeXml(title)}</title>
  <updated>${escapeXml(updated)}</updated>
  <link rel="self" href="${escapeXml(opts.selfUrl)}"/>
  <author><name>Zielmonitor</name></author>
${entries.join('\n')}
</feed>
`;
}
