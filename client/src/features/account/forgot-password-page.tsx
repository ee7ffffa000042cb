import { useState, type SubmitEvent } from 'react';
import { ForgotPasswordBody } from '@zielmonitor/shared/schemas/accounts';
import { useForgotPassword } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { useAccountsT } from '../../lib/messages-accounts.ts';
import { Field } from '../../components/field.tsx';
import { formText } from '../../lib/form-text.ts';

/** "Passwort vergessen": the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const t = useT();
  const a = useAccountsT();
  const request = useForgotPassword();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ForgotPasswordBody.safeParse({
      email: formText(new FormData(event.currentTarget), 'email'),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    request.mutate(parsed.data);
  };
  const serverError = request.error instanceof ApiError ? request.error.message : request.error ? t.errorOffline : null;
  return (
    <section className="narrow">
      <h1>{a.forgotTitle}</h1>
      {request.isSuccess ? (
        <p role="status" className="saved">
          {request.data.message}
        </p>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <p>{a.forgotIntro}</p>
          {serverError && (
            <p role="alert" className="form-error">
              {serverError}
            </p>
          )}
          <Field id="email" label={a.email} error={errors.email}>
            {(props) => <input {...props} name="email" type="email" autoComplete="username" required />}
          </Field>
          <button type="submit" disabled={request.isPending}>
            {a.forgotSubmit}
          </button>
        </form>
      )}
    </section>
  );
}
