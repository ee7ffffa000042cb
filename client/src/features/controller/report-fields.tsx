import { STATUSES, type Status } from '@zielmonitor/shared/schemas/common';
import { STATUSES_NEEDING_NOTE } from '@zielmonitor/shared/schemas/status-update';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { useT } from '../../lib/i18n.ts';
import { useControllerT } from '../../lib/messages-controller.ts';
import { Field } from '../../components/field.tsx';
import { formText } from '../../lib/form-text.ts';

/** The fields of a status report, shared by the report and the correction form. */
export function ReportFields({
  errors,
  defaults,
  minDate,
  onDateChange,
  labels,
}: {
  errors: Record<string, string>;
  defaults: { status: Status; effectiveDate?: string; note?: string };
  /** The earliest day a report may take effect: the strategy's presentation. */
  minDate: string | undefined;
  onDateChange?: (date: string) => void;
  /** Other words where the form asks for more (an independent assessment needs reasons and evidence). */
  labels?: { note: string; noteHint: string; evidenceUrl: string; evidenceReference: string };
}) {
  const t = useT();
  const tc = useControllerT();
  return (
    <>
      <Field id="status" label={tc.status} error={errors.status}>
        {(props) => (
          <select {...props} name="status" defaultValue={defaults.status}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.status[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="progress" label={tc.progress} error={errors.progress}>
        {(props) => <input {...props} name="progress" type="number" min={0} max={100} step={1} inputMode="numeric" />}
      </Field>
      <Field id="effectiveDate" label={tc.effectiveDate} error={errors.effectiveDate}>
        {(props) => (
          <input
            {...props}
            name="effectiveDate"
            type="date"
            defaultValue={defaults.effectiveDate ?? todayInBerlin()}
            min={minDate}
            max={todayInBerlin()}
            required
            onChange={(e) => onDateChange?.(e.target.value)}
          />
        )}
      </Field>
      <Field
        id="note"
        label={labels?.note ?? tc.note}
        hint={labels?.noteHint ?? `${tc.noteHint} (${STATUSES_NEEDING_NOTE.map((s) => t.status[s]).join(', ')})`}
        error={errors.note}
      >
        {(props) => <textarea {...props} name="note" rows={4} maxLength={2000} defaultValue={defaults.note} />}
      </Field>
      <Field id="evidenceUrl" label={labels?.evidenceUrl ?? tc.evidenceUrl} error={errors['evidence.url']}>
        {(props) => <input {...props} name="evidenceUrl" type="url" inputMode="url" />}
      </Field>
      <Field
        id="evidenceReference"
        label={labels?.evidenceReference ?? tc.evidenceReference}
        error={errors['evidence.reference']}
      >
        {(props) => <input {...props} name="evidenceReference" type="text" />}
      </Field>
    </>
  );
}

/** The report fields of a submitted form, as the API's body expects them. */
export function readReportFields(data: FormData) {
  const text = (name: string) => formText(data, name).trim();
  const progress = text('progress');
  return {
    status: text('status'),
    progress: progress === '' ? null : Number(progress),
    effectiveDate: text('effectiveDate'),
    note: text('note'),
    evidence: {
      ...(text('evidenceUrl') && { url: text('evidenceUrl') }),
      ...(text('evidenceReference') && { reference: text('evidenceReference') }),
    },
  };
}
