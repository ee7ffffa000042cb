import { useState, type SubmitEvent } from 'react';
import { AssignResponsibilityBody, type GoalDetail } from '@zielmonitor/shared/schemas/goal';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { formatDate } from '@zielmonitor/shared/time/format';
import { useAssignResponsibility } from '../../api/workflow.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { useWorkflowT } from '../../lib/messages-workflow.ts';
import { Field } from '../../components/field.tsx';
import { formText } from '../../lib/form-text.ts';

/** Who is responsible today, beside the Ressort the strategy named; for the administration, a way to settle it. */
export function ResponsibilityFacts({ goal }: { goal: GoalDetail }) {
  const t = useT();
  const w = useWorkflowT();
  const r = goal.responsibility;
  const assign = useAssignResponsibility(goal.id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const changed = r.ressorts.join() !== (goal.leadRessort ?? '');
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = AssignResponsibilityBody.safeParse({
      ressort: formText(data, 'ressort'),
      validFrom: formText(data, 'validFrom'),
      basis: formText(data, 'basis'),
      expectedRevision: goal.revision,
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    assign.mutate(parsed.data);
  };
  return (
    <div data-testid="responsibility">
      <dt>{w.responsibleToday}</dt>
      <dd>
        {r.ressorts.length === 0 ? t.unknownRessort : r.ressorts.join(', ')}
        {changed && goal.leadRessort && (
          <span className="muted">
            {' '}
            ({w.strategyRessort}: {goal.leadRessort})
          </span>
        )}
        {r.unsettled && (
          <p className="basis">
            <strong>{w.unsettled}.</strong> {w.unsettledText(r.ressorts.join(', '))}
          </p>
        )}
        {r.assignment && (
          <p className="basis">
            {w.assignedText(r.assignment.ressort, formatDate(r.assignment.validFrom, t.lang), r.assignment.basis)}
          </p>
        )}
        {goal.permissions.canAssign && (r.unsettled || r.assignment) && (
          <details className="assign">
            <summary>{w.assignTitle}</summary>
            <form className="form" noValidate onSubmit={submit}>
              <Field id="assign-ressort" label={w.assignRessort} error={errors.ressort}>
                {(props) => (
                  <select {...props} name="ressort" defaultValue={r.assignment?.ressort ?? r.ressorts[0]}>
                    {[...new Set([...r.ressorts, ...(r.assignment ? [r.assignment.ressort] : [])])].map((code) => (
                      <option key={code} value={code}>
                        {code}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="assign-from" label={w.assignFrom} error={errors.validFrom}>
                {(props) => <input {...props} name="validFrom" type="date" defaultValue={todayInBerlin()} />}
              </Field>
              <Field id="assign-basis" label={w.assignBasis} error={errors.basis}>
                {(props) => <textarea {...props} name="basis" rows={2} maxLength={1000} />}
              </Field>
              <button type="submit" disabled={assign.isPending}>
                {w.assignSubmit}
              </button>
              {assign.error && (
                <p className="form-error" role="alert">
                  {assign.error.message}
                </p>
              )}
            </form>
          </details>
        )}
      </dd>
    </div>
  );
}
