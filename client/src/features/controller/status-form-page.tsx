import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type SubmitEvent } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { STATUSES } from '@zielmonitor/shared/schemas/common';
import {
  StatusUpdateBody,
  STATUSES_NEEDING_NOTE,
  type StatusConflict,
} from '@zielmonitor/shared/schemas/status-update';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { meQuery } from '../../api/auth.ts';
import { useReportStatus } from '../../api/status.ts';
import { ApiError } from '../../api/client.ts';
import { goalQuery } from '../../api/goals.ts';
import { QueryState } from '../../components/query-state.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { fieldErrors } from '../../lib/field-errors.ts';
import { formText } from '../../lib/form-text.ts';
import { formatDate } from '@zielmonitor/shared/time/format';
import { useT } from '../../lib/i18n.ts';
import { Field } from '../../components/field.tsx';

/** The status report form: validated with the same zod schema as the server, errors inline. */
export function StatusFormPage() {
  const t = useT();
  const { id = '' } = useParams();
  const [, navigate] = useLocation();
  const me = useQuery(meQuery());
  const goal = useQuery(goalQuery(id, {}));
  const report = useReportStatus(id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<StatusConflict | null>(null);
  const [revision, setRevision] = useState<number | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  if (me.data && !me.data.user)
    return (
      <section>
        <h1>{t.controller.formTitle}</h1>
        <p>
          <Link to="/anmelden">{t.controller.loginFirst}</Link>
        </p>
      </section>
    );

  const submit = (event: SubmitEvent<HTMLFormElement>, base: number) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => formText(data, name).trim();
    const progress = text('progress');
    const body = {
      status: text('status'),
      progress: progress === '' ? null : Number(progress),
      effectiveDate: text('effectiveDate'),
      note: text('note'),
      evidence: {
        ...(text('evidenceUrl') && { url: text('evidenceUrl') }),
        ...(text('evidenceReference') && { reference: text('evidenceReference') }),
      },
      expectedRevision: revision ?? base,
    };
    const parsed = StatusUpdateBody.safeParse(body);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors({});
    report.mutate(parsed.data, {
      onSuccess: () => navigate(`/ziele/${encodeURIComponent(id)}?gemeldet=1`),
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409 && error.body?.error.conflict) {
          setConflict(error.body.error.conflict);
          setRevision(error.body.error.conflict.revision);
        } else if (error instanceof ApiError && error.body?.error.issues) {
          setErrors(Object.fromEntries(error.body.error.issues.map((i) => [i.field, i.message])));
        }
        requestAnimationFrame(() => summaryRef.current?.focus());
      },
    });
  };

  return (
    <QueryState query={goal}>
      {(g) => (
        <section className="narrow">
          <p>
            <Link to={`/ziele/${encodeURIComponent(g.id)}`}>← {g.id}</Link>
          </p>
          <h1>
            {t.controller.formTitle}: {g.title}
          </h1>
          <p>
            {t.controller.current}: <StatusBadge status={g.status} />
            {g.official && (
              <>
                {' '}
                ({formatDate(g.official.effectiveDate, t.lang)}, {g.official.reporter})
              </>
            )}
          </p>
          <div ref={summaryRef} tabIndex={-1} aria-live="assertive">
            {conflict && (
              <div className="panel conflict" role="alert" data-testid="conflict">
                <h2>{t.controller.conflictTitle}</h2>
                <p>{t.controller.conflictText}</p>
                <ul>
                  {conflict.eventsSince.map((e) => (
                    <li key={e.id}>
                      {t.controller.conflictEvent(e.reporter, t.status[e.status], formatDate(e.effectiveDate, t.lang))}
                      {e.note && <> – „{e.note}“</>}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {Object.keys(errors).length > 0 && (
              <p className="form-error" role="alert">
                {t.controller.errorsSummary(Object.keys(errors).length)}
              </p>
            )}
            {report.error &&
              !(
                report.error instanceof ApiError &&
                (report.error.status === 409 || report.error.body?.error.issues)
              ) && (
                <p className="form-error" role="alert">
                  {report.error instanceof ApiError && report.error.status === 403
                    ? t.controller.forbidden
                    : report.error.message}
                </p>
              )}
          </div>
          <form className="form" noValidate onSubmit={(e) => submit(e, g.revision)}>
            <Field id="status" label={t.controller.status} error={errors.status}>
              {(props) => (
                <select {...props} name="status" defaultValue={g.status}>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t.status[s]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="progress" label={t.controller.progress} error={errors.progress}>
              {(props) => (
                <input {...props} name="progress" type="number" min={0} max={100} step={1} inputMode="numeric" />
              )}
            </Field>
            <Field id="effectiveDate" label={t.controller.effectiveDate} error={errors.effectiveDate}>
              {(props) => (
                <input
                  {...props}
                  name="effectiveDate"
                  type="date"
                  defaultValue={todayInBerlin()}
                  max={todayInBerlin()}
                  required
                />
              )}
            </Field>
            <Field
              id="note"
              label={t.controller.note}
              hint={`${t.controller.noteHint} (${STATUSES_NEEDING_NOTE.map((s) => t.status[s]).join(', ')})`}
              error={errors.note}
            >
              {(props) => <textarea {...props} name="note" rows={4} maxLength={2000} />}
            </Field>
            <Field id="evidenceUrl" label={t.controller.evidenceUrl} error={errors['evidence.url']}>
              {(props) => <input {...props} name="evidenceUrl" type="url" inputMode="url" />}
            </Field>
            <Field id="evidenceReference" label={t.controller.evidenceReference} error={errors['evidence.reference']}>
              {(props) => <input {...props} name="evidenceReference" type="text" />}
            </Field>
            <div className="form-actions">
              <button type="submit" disabled={report.isPending}>
                {conflict ? t.controller.conflictResend : t.controller.submit}
              </button>
              <Link to="/meine-ziele">{t.controller.cancel}</Link>
            </div>
          </form>
        </section>
      )}
    </QueryState>
  );
}
