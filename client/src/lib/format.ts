import type { Lang } from './i18n.ts';

const locale = (lang: Lang) => (lang === 'de' ? 'de-DE' : 'en-GB');

/** 2021-11-19 → 19.11.2021 (de) or 19/11/2021 (en); partial dates keep their precision. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '–';
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  if (!year) return iso;
  if (!month) return String(year);
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = day ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale(lang), options).format(date);
}

export const formatNumber = (n: number, lang: Lang) => new Intl.NumberFormat(locale(lang)).format(n);

export const formatPercent = (fraction: number, lang: Lang) =>
  new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
