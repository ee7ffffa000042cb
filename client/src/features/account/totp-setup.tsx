import { useState, type SubmitEvent } from 'react';
import { TotpConfirmBody } from '@zielmonitor/shared/schemas/accounts';
import { useConfirmTotp, useStartTotp } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { fieldErrors, serverFieldErrors } from '../../lib/field-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { useAccountsT } from '../../lib/messages-accounts.ts';
import { Field } from '../../components/field.tsx';
import { QrCode } from './qr-code.tsx';
import { formText } from '../../lib/form-text.ts';

/**
 * Setting up an authenticator app: a new secret (QR code and the key to type), confirmed by the
 * app's first code. Signed in, the current password is asked for first; at the first login not.
 */
export function TotpSetup({
  askPassword,
  onEnrolled,
}: {
  askPassword: boolean;
  onEnrolled: (recoveryCodes: string[] | null) => void;
}) {
  const t = useT();
  const a = useAccountsT();
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const [errors, setErrors] = useState<Record<string, string>>({});

  const begin = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = askPassword ? formText(new FormData(event.currentTarget), 'currentPassword') : undefined;
    start.mutate(password, {
      onError: (error) => setErrors(error instanceof ApiError ? serverFieldErrors(error.body?.error.issues) : {}),
    });
  };
  const finish = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const label = formText(data, 'label').trim();
    const parsed = TotpConfirmBody.safeParse({ code: formText(data, 'code'), ...(label && { label }) });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    confirm.mutate(parsed.data, {
      onSuccess: (result) => onEnrolled(result.recoveryCodes),
      onError: (error) => setErrors(error instanceof ApiError ? serverFieldErrors(error.body?.error.issues) : {}),
    });
  };
  const failed = confirm.error ?? start.error;
  const serverError = failed instanceof ApiError ? failed.message : failed ? t.errorOffline : null;

  if (!start.data)
    return (
      <form onSubmit={begin} noValidate className="form">
        {serverError && !errors.currentPassword && (
          <p role="alert" className="form-error">
            {serverError}
          </p>
        )}
        {askPassword && (
          <Field id="totp-password" label={a.confirmPasswordFor} error={errors.currentPassword}>
            {(props) => (
              <input {...props} name="currentPassword" type="password" autoComplete="current-password" required />
            )}
          </Field>
        )}
        <button type="submit" disabled={start.isPending}>
          {a.totpStart}
        </button>
      </form>
    );
  return (
    <form onSubmit={finish} noValidate className="form">
      <p>{a.totpScan}</p>
      <QrCode text={start.data.uri} label={a.qrLabel} />
      <p>
        {a.totpSecret}:{' '}
        <code className="mono" data-testid="totp-secret">
          {start.data.secret.match(/.{1,4}/g)?.join(' ')}
        </code>
      </p>
      {serverError && !errors.code && (
        <p role="alert" className="form-error">
          {serverError}
        </p>
      )}
      <Field id="totp-code" label={a.totpCode} hint={a.totpHint} error={errors.code}>
        {(props) => <input {...props} name="code" autoComplete="one-time-code" inputMode="numeric" required />}
      </Field>
      <Field id="totp-label" label={a.factorLabel} hint={a.factorLabelHint} error={errors.label}>
        {(props) => <input {...props} name="label" maxLength={60} />}
      </Field>
      <button type="submit" disabled={confirm.isPending}>
        {a.confirm}
      </button>
    </form>
  );
}
