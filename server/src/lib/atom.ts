import type { Change } from '@zielmonitor/shared/schemas/changes';
import { absoluteUrl } from './links.ts';

const STATUS_DE: Record<string, string> = {
  unknown: 'unbekannt',
  planned: 'geplant',
  in_progress: 'in Umsetzung',
  partially_achieved: 'teilweise erreicht',
  achieved: 'erreicht',
  missed: 'verfehlt',
  dropped: 'aufgegeben',
};

/**
 * What XML 1.0 forbids (§2.2 Char): C0 controls other than tab, LF and CR, lone surrogates,
 * U+FFFE and U+FFFF. The API refuses them on input, but the feed must stay well-formed whatever
 * the database holds (an old row, a direct import): one such character would break it for good,
 * since status events are never rewritten. Each is written as U+FFFD, the replacement character.
 */
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const escapeXml = (text: string): string =>
  text
    .replace(XML_FORBIDDEN, '\uFFFD')
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);

/** An Atom 1.0 feed of official status reports, newest first by the time they were entered. */
export function renderAtomFeed(opts: {
  /** The public origin every link starts with. */
  origin: string;
  ressort: string | null;
  changes: Change[];
  selfUrl: string;
}): string {
  const title = `Zielmonitor: amtliche Statusmeldungen${opts.ressort ? ` (${opts.ressort})` : ''}`;
  const updated = opts.changes[0]?.event.recordedAt ?? new Date(0).toISOString();
  const entries = opts.changes.map((c) => {
    const link = absoluteUrl(opts.origin, `/ziele/${encodeURIComponent(c.goalId)}`);
    const from = c.from ? STATUS_DE[c.from] : 'ohne Meldung';
    const summary = [
      `${from} → ${STATUS_DE[c.to]} (wirksam ${c.event.effectiveDate}, gemeldet von ${c.event.reporter})`,
      c.event.note,
      c.event.evidence.url,
      c.event.evidence.reference,
    ]
      .filter(Boolean)
      .join(' · ');
    return `  <entry>
    <id>${escapeXml(absoluteUrl(opts.origin, `/api/status-events/${c.event.id}`))}</id>
    <title>${escapeXml(`${c.goalTitle}: ${STATUS_DE[c.to]}`)}</title>
    <updated>${escapeXml(c.event.recordedAt)}</updated>
    <link href="${escapeXml(link)}"/>
    <category term="${escapeXml(c.ressort ?? 'unknown')}"/>
    <summary>${escapeXml(summary)}</summary>
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
