import { absoluteUrl } from '../lib/links.ts';
/**
 * Every mail Zielmonitor sends is rendered here, as plain text and HTML from the same content, so
 * the two parts never say different things. Texts are German and written by the feature; this
 * file only lays them out and escapes them.
 */

type MailLink = { label: string; path: string };

export type MailContent = {
  subject: string;
  title: string;
  paragraphs: string[];
  links: MailLink[];
  /** Why the person gets this mail, e.g. "Sie erhalten diese E-Mail, weil Sie … eingetragen sind." */
  reason: string;
  /** Path of a one-click unsubscribe page: adds a footer link and the List-Unsubscribe headers (RFC 8058). */
  unsubscribePath?: string;
};

export type RenderedMail = {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

const SIGNATURE = 'Zielmonitor – Ziele der Digitalstrategie NRW';

/** Renders the text and HTML parts (and, for subscriptions, the unsubscribe headers) of one mail. */
export function renderMail(origin: string, content: MailContent): RenderedMail {
  const links = content.links.map((link) => ({ label: link.label, href: absoluteUrl(origin, link.path) }));
  const unsubscribe = content.unsubscribePath === undefined ? null : absoluteUrl(origin, content.unsubscribePath);
  const home = absoluteUrl(origin, '/');
  return {
    subject: content.subject,
    text: renderText(content, links, unsubscribe, home),
    html: renderHtml(content, links, unsubscribe, home),
    headers: unsubscribe
      ? { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
      : {},
  };
}

type Link = { label: string; href: string };

function renderText(content: MailContent, links: Link[], unsubscribe: string | null, home: string): string {
  return [
    content.title,
    '='.repeat(content.title.length),
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...links.flatMap((link) => [`${link.label}:`, link.href, '']),
    // A plain rule, not the signature separator "-- ": mail programs fold a signature away, and
    // the reason for the mail and the unsubscribe link must stay visible.
    '-'.repeat(40),
    content.reason,
    ...(unsubscribe ? [`Abmelden: ${unsubscribe}`] : []),
    '',
    SIGNATURE,
    home,
    '',
  ].join('\n');
}

function renderHtml(content: MailContent, links: Link[], unsubscribe: string | null, home: string): string {
  const paragraph = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;
  const anchor = (link: Link) =>
    `<a href="${escapeHtml(link.href)}" style="color:#005ca9">${escapeHtml(link.label)}</a>`;
  return `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:600px">
<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(content.title)}</h1>
${content.paragraphs.map(paragraph).join('\n')}
${links.map((link) => `<p style="margin:0 0 16px">${anchor(link)}</p>`).join('\n')}
<hr style="border:0;border-top:1px solid #cccccc;margin:24px 0 16px">
<p style="margin:0 0 8px;font-size:14px;color:#4d4d4d">${escapeHtml(content.reason)}${
    unsubscribe ? ` ${anchor({ label: 'Abmelden', href: unsubscribe })}` : ''
  }</p>
<p style="margin:0;font-size:14px;color:#4d4d4d">${anchor({ label: SIGNATURE, href: home })}</p>
</div>
</body>
</html>
`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
