import { useState, type SubmitEvent } from 'react';
import { Link } from 'wouter';
import { ReturnBody, type Submission } from '@zielmonitor/shared/schemas/submission';
import { formatDate } from '@zielmonitor/shared/time/format';
import { useDecideSubmission } from '../api/workflow.ts';
import { StatusBadge } from './status-badge.tsx';
import { fieldErrors } from '../lib/field-errors.ts';
import { useT } from '../lib/i18n.ts';
import { useWorkflowT } from '../lib/messages-workflow.ts';
import { Field } from './field.tsx';
import { formText } from '../lib/form-text.ts';
import { SubmittedReadingText } from './submitted-reading.tsx';

/** One submitted report or reading with what it says, who sent it, and — for a second person — release or return. */
export function SubmissionItem({
  submission: s,
  showSubject = false,
}: {
  submission: Submission;
  showSubject?: boolean;
}) {
  const t = useT();
  const w = useWorkflowT();
  const decide = useDecideSubmission();
  const [returning, setReturning] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submitReturn = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ReturnBody.safeParse({
      reason: formText(new FormData(event.currentTarget), 'reason'),
      expectedRevision: s.about.revision,
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    decide.mutate({ id: s.id, release: false, ...parsed.data });
  };
  return (
    <li className="submission" data-testid={`submission-${s.id}`}>
      <p>
        <strong>{s.about.type === 'goal' ? w.kind[s.kind] : w.readingKind[s.kind]}</strong>
        {showSubject && (
          <>
            {' – '}
            <Link to={s.about.path}>
              {s.about.type === 'goal' ? `${s.about.id} ${s.about.title}` : w.indicatorNamed(s.about.title)}
            </Link>
          </>
        )}
        {s.reading && (
          <>
            {' · '}
            <SubmittedReadingText reading={s.reading} />
          </>
        )}
        {s.status && (
          <>
            {' · '}
            <StatusBadge status={s.status} />
          </>
        )}
        {s.effectiveDate && (
          <>
            {' · '}
            {t.goal.effective} {formatDate(s.effectiveDate, t.lang)}
          </>
        )}
        {' · '}
        <span className="muted">{w.state[s.state]}</span>
      </p>
      <p className="muted">{w.submittedBy(s.reporter, formatDate(s.submittedAt, t.lang))}</p>
      {s.note && <p className="note">{s.note}</p>}
      {(s.evidence.url ?? s.evidence.reference) && (
        <p className="muted">
          {w.evidence}:{' '}
          {s.evidence.url ? (
            <a href={s.evidence.url} rel="noreferrer noopener" target="_blank">
              {s.evidence.reference ?? s.evidence.url}
            </a>
          ) : (
            s.evidence.reference
          )}
        </p>
      )}
      {s.reason && (
        <p>
          {t.time.reason}: {s.reason}
        </p>
      )}
      {s.state !== 'pending' && s.decidedBy && s.decidedAt && (
        <p className="muted">{w.decidedBy[s.state](s.decidedBy, formatDate(s.decidedAt, t.lang))}</p>
      )}
      {s.decisionReason && (
        <p className="note" data-testid="return-reason">
          {w.returnedBecause}: {s.decisionReason}
        </p>
      )}
      {s.state === 'pending' && !s.canDecide && (
        <p className="muted">{s.mine ? w.ownSubmission : w.othersSubmission}</p>
      )}
      {s.canDecide && (
        <div className="decision">
          <button
            type="button"
            disabled={decide.isPending}
            onClick={() => decide.mutate({ id: s.id, release: true, expectedRevision: s.about.revision })}
          >
            {w.release}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setReturning((r) => !r)} aria-expanded={returning}>
            {w.returnAction}
          </button>
          {returning && (
            <form className="form" noValidate onSubmit={submitReturn}>
              <Field id={`return-${s.id}`} label={w.returnReason} error={errors.reason}>
                {(props) => <textarea {...props} name="reason" rows={2} maxLength={1000} />}
              </Field>
              <button type="submit" disabled={decide.isPending}>
                {w.returnSubmit}
              </button>
            </form>
          )}
          {decide.error && (
            <p className="form-error" role="alert">
              {decide.error.message}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
