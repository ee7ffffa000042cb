import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type SubmitEvent } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'wouter';
import { useWorkflowT } from '../../lib/messages-workflow.ts';
import { StatusUpdateBody, type StatusConflict } from '@zielmonitor/shared/schemas/status-update';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { formatDate, formatStatedDate } from '@zielmonitor/shared/time/format';
import { meQuery } from '../../api/auth.ts';
import { goalQuery } from '../../api/goals.ts';
import { versionsQuery } from '../../api/meta.ts';
import { afterWrite, useReportStatus } from '../../api/status.ts';
import { QueryState } from '../../components/query-state.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { fieldErrors } from '../../lib/field-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { useControllerT } from '../../lib/messages-controller.ts';
import { ReportFields, readReportFields } from './report-fields.tsx';
import { WriteFeedback, readWriteError } from '../../components/write-feedback.tsx';
import { useVoicesT } from '../../lib/messages-voices.ts';

/**
 * The status report form: validated with the same zod schema as the server, errors inline. It says
 * before saving when a report would not become the current status, and offers a correction instead.
 */
export function StatusFormPage() {
  const t = useT();
  const tc = useControllerT();
  const { id = '' } = useParams();
  const [, navigate] = useLocation();
  const me = useQuery(meQuery());
  const goal = useQuery(goalQuery(id, {}));
  const versions = useQuery(versionsQuery());
  const report = useReportStatus(id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<StatusConflict | null>(null);
  const [revision, setRevision] = useState<number | null>(null);
  const [date, setDate] = useState(todayInBerlin());
  const summaryRef = useRef<HTMLDivElement>(null);
  // "Unverändert bestätigen": the current status again, said to be unchanged (it counts in a reporting round).
  const [params] = useSearchParams();
  const unchanged = params.has('unveraendert');
  // An assessor writes for their organisation on the independent track (the server decides who may).
  const independent = params.get('spur') === 'unabhaengig';
  const w = useWorkflowT();
  const v = useVoicesT();
  const organisation = me.data?.user?.organisation ?? null;

  if (me.data && !me.data.user)
    return (
      <section>
        <h1>{tc.formTitle}</h1>
        <p>
          <Link to="/anmelden">{tc.loginFirst}</Link>
        </p>
      </section>
    );

  const submit = (event: SubmitEvent<HTMLFormElement>, base: number) => {
    event.preventDefault();
    const parsed = StatusUpdateBody.safeParse({
      ...readReportFields(new FormData(event.currentTarget)),
      expectedRevision: revision ?? base,
      track: independent ? 'independent' : 'official',
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors({});
    report.mutate(parsed.data, {
      onSuccess: (result) => navigate(afterWrite(id, result)),
      onError: (error) => {
        const refusal = readWriteError(error);
        if (refusal.conflict) {
          setConflict(refusal.conflict);
          setRevision(refusal.conflict.revision);
          // What was reported meanwhile is now the current status: shown as such, not the one this form opened with.
          void goal.refetch();
        }
        if (refusal.errors) setErrors(refusal.errors);
        requestAnimationFrame(() => summaryRef.current?.focus());
      },
    });
  };

  return (
    <QueryState query={goal}>
      {(g) => {
        const current = g.history.official.find((e) => e.supersededBy === null);
        const presentedOn = versions.data?.find((v) => v.key === g.version)?.presentedOn;
        const backdated = !independent && current !== undefined && date !== '' && date < current.effectiveDate;
        const currentDate = current && formatStatedDate(current.effectiveDate, current.effectiveDatePrecision, t.lang);
        return (
          <section className="narrow">
            <p>
              <Link to={`/ziele/${encodeURIComponent(g.id)}`}>← {g.id}</Link>
            </p>
            <h1>
              {independent ? v.assessTitle : tc.formTitle}: {g.title}
            </h1>
            {independent && organisation && <p>{v.assessIntro(organisation)}</p>}
            <p data-testid="current-status">
              {tc.current}: <StatusBadge status={g.status} />
              {g.official && (
                <>
                  {' '}
                  ({formatStatedDate(g.official.effectiveDate, g.official.effectiveDatePrecision, t.lang)},{' '}
                  {g.official.reporter})
                </>
              )}
            </p>
            <WriteFeedback summaryRef={summaryRef} conflict={conflict} errors={errors} error={report.error} />
            <form className="form" noValidate onSubmit={(e) => submit(e, g.revision)}>
              <ReportFields
                errors={errors}
                defaults={{ status: g.status, ...(unchanged && { note: w.unchangedNote }) }}
                minDate={presentedOn}
                onDateChange={setDate}
                {...(independent && { labels: v.assessLabels })}
              />
              {presentedOn && date !== '' && date < presentedOn && (
                <p className="field-hint" role="note">
                  {tc.tooEarly(formatDate(presentedOn, t.lang))}
                </p>
              )}
              {backdated && currentDate && (
                <div className="panel notice" role="note" data-testid="backdated-warning">
                  <p>{tc.backdated(t.status[current.status], currentDate)}</p>
                  {g.permissions.correctableEventIds.includes(current.id) && (
                    <p>
                      <Link
                        className="button-link secondary"
                        to={`/ziele/${encodeURIComponent(g.id)}/meldungen/${current.id}/berichtigen`}
                      >
                        {tc.backdatedCorrect(t.status[current.status], currentDate)}
                      </Link>
                    </p>
                  )}
                </div>
              )}
              <div className="form-actions">
                <button type="submit" disabled={report.isPending}>
                  {conflict ? tc.conflictResend : tc.submit}
                </button>
                <Link to={independent ? `/ziele/${encodeURIComponent(g.id)}` : '/meine-ziele'}>{tc.cancel}</Link>
              </div>
            </form>
          </section>
        );
      }}
    </QueryState>
  );
}
