import { useState, type SubmitEvent } from 'react';
import type { AccountResponse } from '@zielmonitor/shared/schemas/accounts';
import { formatDate } from '@zielmonitor/shared/time/format';
import { useNewRecoveryCodes, useRemoveFactor } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { serverFieldErrors } from '../../lib/field-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { useAccountsT } from '../../lib/messages-accounts.ts';
import { Field } from '../../components/field.tsx';
import { formText } from '../../lib/form-text.ts';

type Pending = { kind: 'remove'; id: number; label: string } | { kind: 'codes' };

/** The account's second factors and recovery codes; removing one or renewing the codes asks for the password. */
export function FactorList({
  account,
  onNewCodes,
}: {
  account: AccountResponse;
  onNewCodes: (codes: string[]) => void;
}) {
  const t = useT();
  const a = useAccountsT();
  const remove = useRemoveFactor();
  const renew = useNewRecoveryCodes();
  const [pending, setPending] = useState<Pending | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pending) return;
    const currentPassword = formText(new FormData(event.currentTarget), 'currentPassword');
    const onError = (error: Error) =>
      setErrors(error instanceof ApiError ? serverFieldErrors(error.body?.error.issues) : {});
    const onSuccess = () => {
      setPending(null);
      setErrors({});
    };
    if (pending.kind === 'remove') remove.mutate({ id: pending.id, currentPassword }, { onSuccess, onError });
    else
      renew.mutate(currentPassword, {
        onSuccess: (data) => {
          onSuccess();
          onNewCodes(data.recoveryCodes);
        },
        onError,
      });
  };
  const failed = remove.error ?? renew.error;
  const serverError = failed instanceof ApiError ? failed.message : failed ? t.errorOffline : null;

  return (
    <>
      {account.factors.length === 0 ? (
        <p>{a.factorsNone}</p>
      ) : (
        <ul className="plain-list" data-testid="factors">
          {account.factors.map((f) => (
            <li key={f.id}>
              <strong>{f.label}</strong> ({a.factorKind[f.kind]}) · {a.addedOn(formatDate(f.createdAt, t.lang))}
              {f.lastUsedAt && ` · ${a.usedOn(formatDate(f.lastUsedAt, t.lang))}`}{' '}
              <button type="button" onClick={() => setPending({ kind: 'remove', id: f.id, label: f.label })}>
                {a.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      {account.factors.length > 0 && (
        <p>
          {a.codesLeft(account.recoveryCodesLeft)}{' '}
          <button type="button" onClick={() => setPending({ kind: 'codes' })}>
            {a.codesNew}
          </button>
        </p>
      )}
      {pending && (
        <form onSubmit={submit} noValidate className="form">
          {pending.kind === 'remove' && <p>{a.removeConfirm(pending.label)}</p>}
          {serverError && !errors.currentPassword && (
            <p role="alert" className="form-error">
              {serverError}
            </p>
          )}
          <Field id="factor-password" label={a.confirmPasswordFor} error={errors.currentPassword}>
            {(props) => (
              <input {...props} name="currentPassword" type="password" autoComplete="current-password" required />
            )}
          </Field>
          <p className="form-actions">
            <button type="submit" disabled={remove.isPending || renew.isPending}>
              {pending.kind === 'remove' ? a.remove : a.codesNew}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {a.cancel}
            </button>
          </p>
        </form>
      )}
    </>
  );
}
