import { useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { CreateRoundBody } from '@zielmonitor/shared/schemas/round';
import { formatDate } from '@zielmonitor/shared/time/format';
import { meQuery } from '../../api/auth.ts';
import { ressortsQuery, versionsQuery } from '../../api/meta.ts';
import { roundsQuery, useCreateRound } from '../../api/workflow.ts';
import { QueryState } from '../../components/query-state.tsx';
import { fieldErrors } from '../../lib/field-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { useWorkflowT } from '../../lib/messages-workflow.ts';
import { Field } from '../../components/field.tsx';
import { formText } from '../../lib/form-text.ts';

/** Every reporting round, public; an administration opens new ones here. */
export function RoundsPage() {
  const t = useT();
  const w = useWorkflowT();
  const rounds = useQuery(roundsQuery());
  const me = useQuery(meQuery());
  return (
    <section>
      <h1>{w.roundsTitle}</h1>
      <p className="lead">{w.roundsIntro}</p>
      <QueryState query={rounds}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="state state-empty">{w.roundsEmpty}</p>
          ) : (
            <ul className="rounds" data-testid="rounds">
              {data.items.map((r) => (
                <li key={r.id}>
                  <Link to={`/runden/${r.id}`}>{r.name}</Link> · {t.version} {r.version} ·{' '}
                  {w.roundDue(formatDate(r.dueOn, t.lang))} ·{' '}
                  {r.closedAt ? w.roundClosed(formatDate(r.closedAt, t.lang)) : w.roundOpen}
                  <br />
                  <span className="muted">
                    {w.roundProgress(r.reported, r.goals, r.completeRessorts, r.ressortCodes.length)}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {me.data?.user?.role === 'admin' && <CreateRoundForm />}
    </section>
  );
}

function CreateRoundForm() {
  const t = useT();
  const w = useWorkflowT();
  const [, navigate] = useLocation();
  const ressorts = useQuery(ressortsQuery());
  const versions = useQuery(versionsQuery());
  const create = useCreateRound();
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Only Ressorts that still exist can report.
  const active = (ressorts.data ?? []).filter((r) => r.validTo === null);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const opensOn = formText(data, 'opensOn');
    const parsed = CreateRoundBody.safeParse({
      name: formText(data, 'name'),
      version: formText(data, 'version'),
      ...(opensOn && { opensOn }),
      dueOn: formText(data, 'dueOn'),
      ressorts: data.getAll('ressorts').map(String),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    create.mutate(parsed.data, { onSuccess: (round) => navigate(`/runden/${round.id}`) });
  };
  return (
    <section className="panel" aria-labelledby="create-round-title">
      <h2 id="create-round-title">{w.createRound}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <Field id="round-name" label={w.roundName} error={errors.name}>
          {(props) => <input {...props} name="name" type="text" maxLength={120} />}
        </Field>
        <Field id="round-version" label={w.roundVersion} error={errors.version}>
          {(props) => (
            <select {...props} name="version" defaultValue={versions.data?.at(-1)?.key}>
              {(versions.data ?? []).map((v) => (
                <option key={v.key} value={v.key}>
                  {v.key}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="round-opens" label={w.roundOpensOn} error={errors.opensOn}>
          {(props) => <input {...props} name="opensOn" type="date" />}
        </Field>
        <Field id="round-due" label={w.roundDueOn} error={errors.dueOn}>
          {(props) => <input {...props} name="dueOn" type="date" required />}
        </Field>
        <fieldset className="choice">
          <legend>{w.roundRessorts}</legend>
          {active.map((r) => (
            <label key={r.code}>
              <input type="checkbox" name="ressorts" value={r.code} /> {r.code} – {r.name ?? r.code}
            </label>
          ))}
          {errors.ressorts && <p className="field-error">{errors.ressorts}</p>}
        </fieldset>
        <button type="submit" disabled={create.isPending}>
          {w.createRound}
        </button>
        {create.error && (
          <p className="form-error" role="alert">
            {create.error.message}
          </p>
        )}
        <p className="visually-hidden">{t.loading}</p>
      </form>
    </section>
  );
}
