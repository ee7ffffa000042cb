import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useSearch } from 'wouter';
import { snapshotQuery } from '../api/time.ts';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { formatDate, formatDateTime } from '@zielmonitor/shared/time/format';
import { useT } from '../lib/i18n.ts';
import { usePointInTime } from '../lib/url-state.ts';

/** Always says which date the figures are from; with a snapshot, its name and content hash (also in print). */
export function PointInTimeBanner() {
  const t = useT();
  const { asOf, knownAt, snapshot } = usePointInTime();
  const [pathname] = useLocation();
  const search = useSearch();
  const detail = useQuery({ ...snapshotQuery(snapshot ?? ''), enabled: Boolean(snapshot) });
  const today = formatDate(todayInBerlin(), t.lang);
  const params = new URLSearchParams(search);
  params.delete('asOf');
  params.delete('knownAt');
  params.delete('snapshot');
  const now = `${pathname}${params.size ? `?${params.toString()}` : ''}`;
  if (snapshot) {
    return (
      <div className="banner snapshot-banner" role="note" data-testid="point-in-time">
        <p>
          <strong>
            {detail.data
              ? t.time.bannerSnapshot(detail.data.title, formatDate(detail.data.createdAt.slice(0, 10), t.lang))
              : snapshot}
          </strong>
          {' · '}
          <Link to={now}>{t.time.backToNow}</Link>
        </p>
        {detail.data && (
          <p className="mono hash">
            {t.time.hash}: {detail.data.contentHash}
          </p>
        )}
      </div>
    );
  }
  return (
    <p className={asOf || knownAt ? 'banner' : 'stand'} data-testid="point-in-time" aria-live="polite">
      {asOf || knownAt ? (
        <>
          <strong>
            {t.asOf.banner(formatDate(asOf ?? todayInBerlin(), t.lang))}
            {knownAt &&
              `, ${t.stamp.knownAt(knownAt.length === 10 ? formatDate(knownAt, t.lang) : formatDateTime(knownAt, t.lang))}`}
          </strong>{' '}
          · <Link to={now}>{t.time.backToNow}</Link>
        </>
      ) : (
        `${t.lang === 'de' ? 'Stand' : 'As of'}: ${today}`
      )}
    </p>
  );
}
