import { useState, type SubmitEvent } from 'react';
import { ChangePasswordBody } from '@zielmonitor/shared/schemas/accounts';
import { useChangePassword } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { fieldErrors, serverFieldErrors } from '../../lib/field-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { useAccountsT } from '../../lib/messages-accounts.ts';
import { Field } from '../../components/field.tsx';
import { formText } from '../../lib/form-text.ts';

/** A new password: the current one first; every other session ends. */
export function PasswordForm() {
  const t = useT();
  const a = useAccountsT();
  const change = useChangePassword();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = ChangePasswordBody.safeParse({
      currentPassword: formText(data, 'currentPassword'),
      newPassword: formText(data, 'newPassword'),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    if (data.get('repeatPassword') !== parsed.data.newPassword) {
      setErrors({ repeatPassword: a.mismatch });
      return;
    }
    setErrors({});
    change.mutate(parsed.data, {
      onSuccess: () => form.reset(),
      onError: (error) => setErrors(error instanceof ApiError ? serverFieldErrors(error.body?.error.issues) : {}),
    });
  };
  const serverError = change.error instanceof ApiError ? change.error.message : change.error ? t.errorOffline : null;
  return (
    <form onSubmit={submit} noValidate className="form">
      {change.isSuccess && (
        <p role="status" className="saved">
          {a.passwordSaved(change.data.ended)}
        </p>
      )}
      {serverError && Object.keys(errors).length === 0 && (
        <p role="alert" className="form-error">
          {serverError}
        </p>
      )}
      <Field id="current-password" label={a.currentPassword} error={errors.currentPassword}>
        {(props) => (
          <input {...props} name="currentPassword" type="password" autoComplete="current-password" required />
        )}
      </Field>
      <Field id="new-password" label={a.newPassword} hint={a.newPasswordHint} error={errors.newPassword}>
        {(props) => <input {...props} name="newPassword" type="password" autoComplete="new-password" required />}
      </Field>
      <Field id="repeat-password" label={a.repeatPassword} error={errors.repeatPassword}>
        {(props) => <input {...props} name="repeatPassword" type="password" autoComplete="new-password" required />}
      </Field>
      <button type="submit" disabled={change.isPending}>
        {a.passwordSave}
      </button>
    </form>
  );
}
