import { useState, type SubmitEvent } from 'react';
import { useAddPasskey } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { serverFieldErrors } from '../../lib/field-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { useAccountsT } from '../../lib/messages-accounts.ts';
import { Field } from '../../components/field.tsx';
import { formText } from '../../lib/form-text.ts';

/** Setting up a passkey: the browser asks the authenticator; signed in, the password is asked for first. */
export function PasskeySetup({
  askPassword,
  onEnrolled,
}: {
  askPassword: boolean;
  onEnrolled: (recoveryCodes: string[] | null) => void;
}) {
  const t = useT();
  const a = useAccountsT();
  const add = useAddPasskey();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const label = formText(data, 'label').trim();
    add.mutate(
      {
        currentPassword: askPassword ? formText(data, 'currentPassword') : undefined,
        ...(label && { label }),
      },
      {
        onSuccess: (result) => onEnrolled(result.recoveryCodes),
        onError: (error) => setErrors(error instanceof ApiError ? serverFieldErrors(error.body?.error.issues) : {}),
      },
    );
  };
  // A passkey prompt the person closed is not an error of ours: the browser says it in its own words.
  const serverError =
    add.error instanceof ApiError ? add.error.message : add.error ? add.error.message || t.errorOffline : null;
  return (
    <form onSubmit={submit} noValidate className="form">
      <p>{a.passkeyText}</p>
      {serverError && (
        <p role="alert" className="form-error">
          {serverError}
        </p>
      )}
      {askPassword && (
        <Field id="passkey-password" label={a.confirmPasswordFor} error={errors.currentPassword}>
          {(props) => <input {...props} name="currentPassword" type="password" autoComplete="current-password" />}
        </Field>
      )}
      <Field id="passkey-label" label={a.factorLabel} hint={a.factorLabelHint} error={errors.label}>
        {(props) => <input {...props} name="label" maxLength={60} />}
      </Field>
      <button type="submit" disabled={add.isPending}>
        {a.passkeyAdd}
      </button>
    </form>
  );
}
