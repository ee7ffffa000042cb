import { useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { CreateSnapshotBody } from '@zielmonitor/shared/schemas/snapshot';
import { formatDate } from '@zielmonitor/shared/time/format';
import { snapshotsQuery, useCreateSnapshot } from '../../api/time.ts';
import { localPath, snapshotView } from '../../lib/citable-link.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { Field } from '../../components/field.tsx';
import { formText } from '../../lib/form-text.ts';

/** Frozen views, newest first, each opening on the page it was taken of; anyone can freeze this one with a name. */
export function SnapshotsPanel({ version, asOf }: { version: string; asOf: string | null }) {
  const t = useT();
  const snapshots = useQuery(snapshotsQuery());
  const create = useCreateSnapshot();
  const [pathname, navigate] = useLocation();
  const search = useSearch();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const title = formText(new FormData(event.currentTarget), 'title').trim();
    const parsed = CreateSnapshotBody.safeParse({
      ...(title && { title }),
      view: snapshotView(pathname, search, version, asOf),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    create.mutate(parsed.data, { onSuccess: (s) => navigate(localPath(s.url)) });
  };
  return (
    <section className="panel" aria-labelledby="snapshots-title">
      <h2 id="snapshots-title">{t.time.snapshotsTitle}</h2>
      <p>{t.time.snapshotsIntro}</p>
      <ul>
        {(snapshots.data?.items ?? []).map((s) => (
          <li key={s.id}>
            <Link to={localPath(s.url)}>{s.title}</Link> · {formatDate(s.asOf, t.lang)} ·{' '}
            <span className="mono">{s.contentHash.slice(0, 16)}…</span>
          </li>
        ))}
      </ul>
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
    </section>
  );
}
