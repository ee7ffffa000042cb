import { formatDateTime } from '@zielmonitor/shared/time/format';
import { useConnection } from '../lib/connection.ts';
import { useT } from '../lib/i18n.ts';

/**
 * Says on every view when the data shown is not live from the server, and how old it is: nothing
 * stored and offline pretends to be live. The live region is always there, so the change is read out.
 */
export function OfflineBanner() {
  const t = useT();
  const { online, reachable, storedAt } = useConnection();
  const text = storedAt
    ? t.offline.stored(formatDateTime(storedAt, t.lang))
    : !online || !reachable
      ? t.offline.plain
      : '';
  return (
    <div role="status" className={text ? 'offline-banner' : undefined} data-testid="offline-banner">
      {text}
    </div>
  );
}
