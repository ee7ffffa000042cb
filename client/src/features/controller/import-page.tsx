import { useQuery } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { meQuery } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { useImportGoals } from '../../api/goal-import.ts';
import { useT } from '../../lib/i18n.ts';
import { useImporterT } from '../../lib/messages-importer.ts';

/** Admin: upload the official goal list as CSV; a dry run first, nothing written unless every row is valid. */
export function ImportPage() {
  const t = useT();
  const m = useImporterT();
  const me = useQuery(meQuery());
  const [version, setVersion] = useState('2.0');
  const [text, setText] = useState<string | null>(null);
  const run = useImportGoals();
  const submit = (dryRun: 'true' | 'false') => run.mutate({ query: { version, dryRun }, csv: text ?? '' });
  if (me.data?.user?.role !== 'admin')
    return (
      <section>
        <h1>{m.title}</h1>
        <p>{t.audit.forbidden}</p>
      </section>
    );
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    setText(file ? await file.text() : null);
    run.reset();
  };
  const result = run.data;
  const rejected = run.error instanceof ApiError ? (run.error.body?.error.issues ?? []) : [];
  return (
    <section>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <form
        className="form narrow"
        onSubmit={(e) => {
          e.preventDefault();
          submit('true');
        }}
      >
        <label className="control">
          <span>{t.version}</span>
          <select
            value={version}
            onChange={(e) => {
              setVersion(e.target.value);
              run.reset();
            }}
          >
            <option value="1.0">1.0</option>
            <option value="2.0">2.0</option>
          </select>
        </label>
        <div className="field">
          <label htmlFor="csv-file">{m.file}</label>
          <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e)} />
        </div>
        <div className="form-actions">
          <button type="submit" disabled={!text || run.isPending}>
            {m.dryRun}
          </button>
          <button
            type="button"
            disabled={!result || result.totals.rejected > 0 || result.applied || run.isPending}
            onClick={() => submit('false')}
          >
            {m.apply}
          </button>
        </div>
      </form>
      <div aria-live="polite" data-testid="import-result">
        {result && (
          <section className="panel">
            <h2>{result.applied ? m.applied : m.dryRunResult}</h2>
            <p>{m.summary(result.totals.created, result.totals.changed, result.unchanged, result.totals.rejected)}</p>
            {result.rejected.length > 0 && (
              <table className="data-table">
                <caption>{m.rejected}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.line}</th>
                    <th scope="col">{m.column}</th>
                    <th scope="col">{m.problem}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rejected.map((p) => (
                    <tr key={`${p.line}-${p.column}`}>
                      <td>{p.line}</td>
                      <td>{p.column ?? '–'}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {result.totals.rejected > result.rejected.length && (
              <p>{m.more(result.totals.rejected - result.rejected.length)}</p>
            )}
            {[
              ...result.created.map((c) => ({ ...c, kind: m.created })),
              ...result.changed.map((c) => ({ ...c, kind: m.changed })),
            ].length > 0 && (
              <ul>
                {result.created.map((c) => (
                  <li key={c.goalId}>
                    {m.created}: {c.goalId} ({m.line} {c.line})
                  </li>
                ))}
                {result.changed.map((c) => (
                  <li key={c.goalId}>
                    {m.changed}: {c.goalId} –{' '}
                    {c.fields.map((f) => `${f.column}: „${f.before}“ → „${f.after}“`).join('; ')}
                  </li>
                ))}
                {result.totals.created + result.totals.changed > result.created.length + result.changed.length && (
                  <li>
                    {m.more(
                      result.totals.created + result.totals.changed - result.created.length - result.changed.length,
                    )}
                  </li>
                )}
              </ul>
            )}
          </section>
        )}
        {rejected.length > 0 && (
          <p className="form-error" role="alert">
            {run.error?.message}
          </p>
        )}
      </div>
    </section>
  );
}
