import type { Status } from '@zielmonitor/shared/schemas/common';
import type { StatusEvent } from '@zielmonitor/shared/schemas/status-event';
import { changeKind } from '@zielmonitor/shared/vocabulary/change-kinds';

/** A report as read, before it is set against the reports before it on its track. */
export type UnlabelledEvent = Omit<StatusEvent, 'kind' | 'previousStatus'> & {
  /** For a correction: the status of the report it corrects. */
  correctedStatus: Status | null;
};

const byTime = (a: UnlabelledEvent, b: UnlabelledEvent) =>
  a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.id - b.id;

/**
 * Labels the reports of one track: each is a first report, progress, setback, confirmation or
 * correction against the status the track had just before it — the latest earlier report (by
 * effective date, then entry order) that was not superseded as known at the same moment. The same
 * rule as the changes list's SQL (repositories/changes.ts). Answers in the order given.
 */
export function labelTrack(events: UnlabelledEvent[]): StatusEvent[] {
  const labelled = new Map<number, StatusEvent>();
  let current: Status | null = null;
  for (const event of [...events].sort(byTime)) {
    const { correctedStatus, ...rest } = event;
    const previousStatus = event.corrects === null ? current : correctedStatus;
    labelled.set(event.id, {
      ...rest,
      kind: changeKind(previousStatus, event.status, event.corrects !== null),
      previousStatus,
    });
    if (event.supersededBy === null) current = event.status;
  }
  return events.map((event) => {
    const result = labelled.get(event.id);
    if (!result) throw new Error(`event ${event.id} was not labelled`);
    return result;
  });
}
