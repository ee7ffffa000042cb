import { formatDateTime } from '@zielmonitor/shared/time/format';
import { useConnection } from '../lib/connection.ts';
import { useT } from '../lib/i18n.ts';

/** Says on every view when the data shown is not fresh from the server, and how old it is. */
export function OfflineBanner() {
  const t = useT();
  const { online, storedAt } = useConnection();
  const when = storedAt && formatDateTime(storedAt, t.lang);
  const text = !online ? (when ? t.offline.stored(when) : t.offline.plain) : when ? t.offline.slow(when) : '';
  return (
    <div role="status" className={text ? 'offline-banner' : undefined} data-testid="offline-banner">
      {text}
    </div>
  );
}
