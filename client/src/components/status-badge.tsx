import type { Status } from '@zielmonitor/shared/schemas/common';
import { useT } from '../lib/i18n.ts';

/** Status as text with a shape and colour: never colour alone. */
export function StatusBadge({ status }: { status: Status }) {
  const t = useT();
  return (
    <span className={`status status-${status}`} data-status={status}>
      {t.status[status]}
    </span>
  );
}
