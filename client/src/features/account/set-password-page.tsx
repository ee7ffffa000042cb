import { useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link } from 'wouter';
import { LinkToken, SetPasswordBody } from '@zielmonitor/shared/schemas/accounts';
import { formatDateTime } from '@zielmonitor/shared/time/format';
import { linkQuery, useSetPasswordByLink } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { QueryState } from '../../components/query-state.tsx';
import { fieldErrors, serverFieldErrors } from '../../lib/field-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { useAccountsT } from '../../lib/messages-accounts.ts';
import { Field } from '../../components/field.tsx';
import { formText } from '../../lib/form-text.ts';

/**
 * The page of an invitation or reset link: the token is in the address's fragment (#…), which the
 * browser never sends, so no server or proxy log holds it. The password is set once.
 */
export function SetPasswordPage() {
  const a = useAccountsT();
  const [token] = useState(() => window.location.hash.slice(1));
  const valid = LinkToken.safeParse(token).success;
  return (
    <section className="narrow">
      {valid ? (
        <LinkForm token={token} />
      ) : (
        <p className="state state-error" role="alert">
          {a.linkMissing}
        </p>
      )}
    </section>
  );
}

function LinkForm({ token }: { token: string }) {
  const t = useT();
  const a = useAccountsT();
  const link = useQuery(linkQuery(token));
  const save = useSetPasswordByLink();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = SetPasswordBody.safeParse({ token, password: formText(data, 'password') });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    if (data.get('repeatPassword') !== parsed.data.password) {
      setErrors({ repeatPassword: a.mismatch });
      return;
    }
    setErrors({});
    save.mutate(parsed.data, {
      onError: (error) => setErrors(error instanceof ApiError ? serverFieldErrors(error.body?.error.issues) : {}),
    });
  };
  if (save.isSuccess)
    return (
      <>
        <h1>{a.linkTitle.invitation}</h1>
        <p role="status" className="saved">
          {a.linkDone}
        </p>
        <p>
          <Link to="/anmelden">{a.toLogin}</Link>
        </p>
      </>
    );
  const serverError = save.error instanceof ApiError ? save.error.message : save.error ? t.errorOffline : null;
  return (
    <QueryState query={link}>
      {(info) => (
        <>
          <h1>{a.linkTitle[info.purpose]}</h1>
          <p>{a.linkIntro(info.name, info.email, formatDateTime(info.expiresAt, t.lang))}</p>
          <form onSubmit={submit} noValidate className="form">
            {serverError && !errors.password && (
              <p role="alert" className="form-error">
                {serverError}
              </p>
            )}
            {/* The address helps password managers store the new password under the right account. */}
            <input type="hidden" name="username" autoComplete="username" value={info.email} readOnly />
            <Field id="password" label={a.newPassword} hint={a.newPasswordHint} error={errors.password}>
              {(props) => <input {...props} name="password" type="password" autoComplete="new-password" required />}
            </Field>
            <Field id="repeat-password" label={a.repeatPassword} error={errors.repeatPassword}>
              {(props) => (
                <input {...props} name="repeatPassword" type="password" autoComplete="new-password" required />
              )}
            </Field>
            <button type="submit" disabled={save.isPending}>
              {a.linkSave}
            </button>
          </form>
        </>
      )}
    </QueryState>
  );
}
