import type { RefObject } from 'react';
import type { StatusConflict } from '@zielmonitor/shared/schemas/status-update';
import { formatStatedDate } from '@zielmonitor/shared/time/format';
import { ApiError } from '../api/client.ts';
import { useT } from '../lib/i18n.ts';
import { useControllerT } from '../lib/messages-controller.ts';

/** What a write to the record answered: the conflict, the field errors and any other refusal. */
export function WriteFeedback({
  summaryRef,
  conflict,
  errors,
  error,
}: {
  summaryRef: RefObject<HTMLDivElement | null>;
  conflict: StatusConflict | null;
  errors: Record<string, string>;
  error: Error | null;
}) {
  const t = useT();
  const tc = useControllerT();
  const handled = error instanceof ApiError && (error.status === 409 || error.body?.error.issues);
  return (
    <div ref={summaryRef} tabIndex={-1} aria-live="assertive">
      {conflict && (
        <div className="panel conflict" role="alert" data-testid="conflict">
          <h2>{tc.conflictTitle}</h2>
          <p>{error?.message && conflict.eventsSince.length === 0 ? error.message : tc.conflictText}</p>
          <ul>
            {conflict.eventsSince.map((e) => (
              <li key={e.id}>
                {tc.conflictEvent(
                  e.reporter,
                  t.status[e.status],
                  formatStatedDate(e.effectiveDate, e.effectiveDatePrecision, t.lang),
                )}
                {e.note && <> – „{e.note}“</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {Object.keys(errors).length > 0 && (
        <p className="form-error" role="alert">
          {tc.errorsSummary(Object.keys(errors).length)}
        </p>
      )}
      {error && !handled && (
        <p className="form-error" role="alert">
          {error instanceof ApiError && error.status === 403 ? tc.forbidden : error.message}
        </p>
      )}
    </div>
  );
}

/** Sorts an API refusal into a conflict or field errors; answers what the form should keep. */
export function readWriteError(error: Error): { conflict?: StatusConflict; errors?: Record<string, string> } {
  if (!(error instanceof ApiError)) return {};
  const conflict = error.body?.error.conflict;
  if (error.status === 409 && conflict) return { conflict };
  const issues = error.body?.error.issues;
  if (issues) return { errors: Object.fromEntries(issues.map((i) => [i.field, i.message])) };
  return {};
}
