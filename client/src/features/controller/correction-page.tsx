import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type SubmitEvent } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'wouter';
import {
  StatusCorrectionBody,
  StatusWithdrawalBody,
  type StatusConflict,
} from '@zielmonitor/shared/schemas/status-update';
import { formatDate, formatStatedDate } from '@zielmonitor/shared/time/format';
import { goalQuery } from '../../api/goals.ts';
import { versionsQuery } from '../../api/meta.ts';
import { afterWrite, useCorrectStatus, useWithdrawStatus } from '../../api/status.ts';
import { QueryState } from '../../components/query-state.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { fieldErrors } from '../../lib/field-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { useControllerT } from '../../lib/messages-controller.ts';
import { Field } from '../../components/field.tsx';
import { ReportFields, readReportFields } from './report-fields.tsx';
import { WriteFeedback, readWriteError } from '../../components/write-feedback.tsx';
import { formText } from '../../lib/form-text.ts';

/**
 * Correcting or withdrawing one earlier report, with a reason. The report stays in the history,
 * struck through; from now on only the correction counts (or, after a withdrawal, the status before).
 */
export function CorrectionPage() {
  const t = useT();
  const tc = useControllerT();
  const { id = '', eventId = '' } = useParams();
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const goal = useQuery(goalQuery(id, {}));
  const versions = useQuery(versionsQuery());
  const [mode, setMode] = useState<'correct' | 'withdraw'>(params.get('art') === 'ruecknahme' ? 'withdraw' : 'correct');
  const correct = useCorrectStatus(id, Number(eventId));
  const withdraw = useWithdrawStatus(id, Number(eventId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<StatusConflict | null>(null);
  const [revision, setRevision] = useState<number | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const pending = correct.isPending || withdraw.isPending;

  const fail = (error: Error) => {
    const refusal = readWriteError(error);
    if (refusal.conflict) {
      setConflict(refusal.conflict);
      setRevision(refusal.conflict.revision);
    }
    if (refusal.errors) setErrors(refusal.errors);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };
  const done = (reported: number) => `/ziele/${encodeURIComponent(id)}?gemeldet=${reported}`;

  const submit = (event: SubmitEvent<HTMLFormElement>, base: number) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const reason = formText(data, 'reason').trim();
    const expectedRevision = revision ?? base;
    if (mode === 'correct') {
      const parsed = StatusCorrectionBody.safeParse({ ...readReportFields(data), reason, expectedRevision });
      if (!parsed.success) {
        invalid(parsed.error.issues);
        return;
      }
      setErrors({});
      correct.mutate(parsed.data, { onSuccess: (result) => navigate(afterWrite(id, result)), onError: fail });
    } else {
      const parsed = StatusWithdrawalBody.safeParse({ reason, expectedRevision });
      if (!parsed.success) {
        invalid(parsed.error.issues);
        return;
      }
      setErrors({});
      withdraw.mutate(parsed.data, {
        onSuccess: (result) => navigate('submission' in result ? afterWrite(id, result) : done(0)),
        onError: fail,
      });
    }
  };
  const invalid = (issues: Parameters<typeof fieldErrors>[0]) => {
    setErrors(fieldErrors(issues));
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  return (
    <QueryState query={goal}>
      {(g) => {
        const event = [...g.history.official, ...g.history.independent].find((e) => String(e.id) === eventId);
        const title = mode === 'correct' ? tc.correctTitle : tc.withdrawTitle;
        const back = (
          <p>
            <Link to={`/ziele/${encodeURIComponent(g.id)}`}>← {g.id}</Link>
          </p>
        );
        if (!event || event.supersededBy || !g.permissions.correctableEventIds.includes(event.id)) {
          return (
            <section className="narrow">
              {back}
              <h1>{title}</h1>
              <p>{event?.supersededBy ? tc.alreadySuperseded : tc.notCorrectable}</p>
            </section>
          );
        }
        const presentedOn = versions.data?.find((v) => v.key === g.version)?.presentedOn;
        return (
          <section className="narrow">
            {back}
            <h1>
              {title}: {g.title}
            </h1>
            <div className="panel" data-testid="report-to-correct">
              <h2>{tc.reportToCorrect}</h2>
              <p>
                <StatusBadge status={event.status} /> · {t.goal.effective}{' '}
                {formatStatedDate(event.effectiveDate, event.effectiveDatePrecision, t.lang)} · {t.goal.reporter}:{' '}
                {event.reporter} · {t.goal.recorded} {formatDate(event.recordedAt, t.lang)}
              </p>
              {event.note && <p className="note">{event.note}</p>}
            </div>
            <WriteFeedback
              summaryRef={summaryRef}
              conflict={conflict}
              errors={errors}
              error={mode === 'correct' ? correct.error : withdraw.error}
            />
            <form className="form" noValidate onSubmit={(e) => submit(e, g.revision)}>
              <fieldset className="choice">
                <legend>{tc.mode}</legend>
                <label>
                  <input
                    type="radio"
                    name="mode"
                    value="correct"
                    checked={mode === 'correct'}
                    onChange={() => setMode('correct')}
                  />{' '}
                  {tc.modeCorrect}
                </label>
                <label>
                  <input
                    type="radio"
                    name="mode"
                    value="withdraw"
                    checked={mode === 'withdraw'}
                    onChange={() => setMode('withdraw')}
                  />{' '}
                  {tc.modeWithdraw}
                </label>
              </fieldset>
              <p>{mode === 'correct' ? tc.correctIntro : tc.withdrawIntro}</p>
              {mode === 'correct' && (
                <ReportFields
                  errors={errors}
                  defaults={{ status: event.status, effectiveDate: event.effectiveDate, note: event.note ?? '' }}
                  minDate={presentedOn}
                />
              )}
              <Field id="reason" label={tc.reason} hint={tc.reasonHint} error={errors.reason}>
                {(props) => <textarea {...props} name="reason" rows={3} maxLength={1000} required />}
              </Field>
              <div className="form-actions">
                <button type="submit" disabled={pending}>
                  {conflict ? tc.conflictResend : mode === 'correct' ? tc.submitCorrection : tc.submitWithdrawal}
                </button>
                <Link to={`/ziele/${encodeURIComponent(g.id)}`}>{tc.cancel}</Link>
              </div>
            </form>
          </section>
        );
      }}
    </QueryState>
  );
}
