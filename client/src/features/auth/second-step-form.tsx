import { useState, type SubmitEvent } from 'react';
import { SecondFactorBody, type SecondStepMethod } from '@zielmonitor/shared/schemas/auth';
import { usePasskeyLogin, useSecondFactor } from '../../api/login.ts';
import { ApiError } from '../../api/client.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { useAccountsT } from '../../lib/messages-accounts.ts';
import { Field } from '../../components/field.tsx';
import { formText } from '../../lib/form-text.ts';

/** The second step of a login: a code from the app, a passkey, or a recovery code. */
export function SecondStepForm({ methods, onDone }: { methods: SecondStepMethod[]; onDone: () => void }) {
  const t = useT();
  const a = useAccountsT();
  const second = useSecondFactor();
  const passkey = usePasskeyLogin();
  const [method, setMethod] = useState<'totp' | 'recovery'>(methods.includes('totp') ? 'totp' : 'recovery');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = formText(new FormData(event.currentTarget), 'code');
    const parsed = SecondFactorBody.safeParse({ method, code });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    second.mutate(parsed.data, { onSuccess: onDone });
  };
  const failed = second.error ?? passkey.error;
  const serverError = failed instanceof ApiError ? failed.message : failed ? t.errorOffline : null;
  const canTotp = methods.includes('totp') && method === 'recovery';
  const canRecover = methods.includes('recovery') && method === 'totp';
  const hasCodeForm = methods.includes('totp') || methods.includes('recovery');

  return (
    <section className="narrow">
      <h1>{a.secondStepTitle}</h1>
      <p>{a.secondStepIntro}</p>
      {serverError && (
        <p role="alert" className="form-error">
          {serverError}
        </p>
      )}
      {methods.includes('passkey') && (
        <p>
          <button
            type="button"
            disabled={passkey.isPending}
            onClick={() => passkey.mutate(undefined, { onSuccess: onDone })}
          >
            {a.usePasskey}
          </button>
        </p>
      )}
      {hasCodeForm && (
        <form onSubmit={submit} noValidate className="form" key={method}>
          <Field
            id="code"
            label={method === 'totp' ? a.totpCode : a.recoveryCode}
            hint={method === 'totp' ? a.totpHint : a.recoveryHint}
            error={errors.code}
          >
            {(props) => (
              <input
                {...props}
                name="code"
                autoComplete="one-time-code"
                inputMode={method === 'totp' ? 'numeric' : 'text'}
                required
                autoFocus
              />
            )}
          </Field>
          <button type="submit" disabled={second.isPending}>
            {a.confirm}
          </button>
        </form>
      )}
      {(canTotp || canRecover) && (
        <p>
          <button type="button" className="button-link" onClick={() => setMethod(canRecover ? 'recovery' : 'totp')}>
            {canRecover ? a.useRecovery : a.useTotp}
          </button>
        </p>
      )}
    </section>
  );
}
