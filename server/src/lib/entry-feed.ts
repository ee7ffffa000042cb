import { escapeXml } from './atom.ts';

/** One entry of an Atom feed: already in words, with a stable id and the page it is about. */
export type FeedEntry = { id: string; title: string; updated: string; link: string; summary: string; category: string };

/** An Atom 1.0 feed of entries, newest first (the feeds of one goal or one indicator). */
export function renderEntryFeed(opts: { selfUrl: string; title: string; entries: FeedEntry[] }): string {
  const entries = [...opts.entries].sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
  const updated = entries[0]?.updated ?? new Date(0).toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <id>${escapeXml(opts.selfUrl)}</id>
  <title>${escapeXml(opts.title)}</title>
  <updated>${escapeXml(updated)}</updated>
  <link rel="self" href="${escapeXml(opts.selfUrl)}"/>
  <author><name>Zielmonitor</name></author>
${entries
  .map(
    (e) => `  <entry>
    <id>${escapeXml(e.id)}</id>
    <title>${escapeXml(e.title)}</title>
    <updated>${escapeXml(e.updated)}</updated>
    <link href="${escapeXml(e.link)}"/>
    <category term="${escapeXml(e.category)}"/>
    <summary>${escapeXml(e.summary)}</summary>
  </entry>`,
  )
  .join('\n')}
</feed>
`;
}
