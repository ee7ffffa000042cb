import { useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { CreateSnapshotBody } from '@zielmonitor/shared/schemas/snapshot';
import { meQuery } from '../../api/auth.ts';
import { snapshotsQuery, useCreateSnapshot } from '../../api/time.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { formText } from '../../lib/form-text.ts';
import { formatDate } from '@zielmonitor/shared/time/format';
import { useT } from '../../lib/i18n.ts';
import { Field } from '../../components/field.tsx';

export function SnapshotsPanel() {
  const t = useT();
  const me = useQuery(meQuery());
  const snapshots = useQuery(snapshotsQuery());
  const create = useCreateSnapshot();
  const [, navigate] = useLocation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = CreateSnapshotBody.safeParse({
      title: formText(new FormData(event.currentTarget), 'title'),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    create.mutate(parsed.data.title, { onSuccess: (s) => navigate(`/?snapshot=${encodeURIComponent(s.id)}`) });
  };
  return (
    <section className="panel" aria-labelledby="snapshots-title">
      <h2 id="snapshots-title">{t.time.snapshotsTitle}</h2>
      <p>{t.time.snapshotsIntro}</p>
      <ul>
        {(snapshots.data?.items ?? []).map((s) => (
          <li key={s.id}>
            <Link to={`/?snapshot=${encodeURIComponent(s.id)}`}>{s.title}</Link> · {formatDate(s.asOf, t.lang)} ·{' '}
            <span className="mono">{s.contentHash.slice(0, 16)}…</span>
          </li>
        ))}
      </ul>
      {me.data?.user && (
        <form className="form" noValidate onSubmit={submit}>
          <Field id="snapshot-title" label={t.time.snapshotName} error={errors.title}>
            {(props) => <input {...props} name="title" type="text" maxLength={120} />}
          </Field>
          <div>
            <button type="submit" disabled={create.isPending}>
              {t.time.createSnapshot}
            </button>
          </div>
          {create.error && (
            <p className="form-error" role="alert">
              {create.error.message}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
