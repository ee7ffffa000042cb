import { useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { LoginBody, type SecondStepMethod } from '@zielmonitor/shared/schemas/auth';
import { aboutQuery } from '../../api/meta.ts';
import { useLogin } from '../../api/login.ts';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../lib/i18n.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { useAccountsT } from '../../lib/messages-accounts.ts';
import { Field } from '../../components/field.tsx';
import { SecondStepForm } from './second-step-form.tsx';
import { formText } from '../../lib/form-text.ts';

/** Password first; then, for an account with a second factor, that factor; without one, its set-up. */
export function LoginPage() {
  const t = useT();
  const a = useAccountsT();
  const login = useLogin();
  // Without mail there is no reset link to send: the administration gives one (see the Konten page).
  const mail = useQuery(aboutQuery()).data?.mailConfigured === true;
  const [, navigate] = useLocation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [methods, setMethods] = useState<SecondStepMethod[] | null>(null);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = LoginBody.safeParse({
      email: formText(data, 'email'),
      password: formText(data, 'password'),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    login.mutate(parsed.data, {
      onSuccess: (result) => {
        if (result.step === 'signed-in') navigate('/meine-ziele');
        else if (result.step === 'enrol') navigate('/konto/einrichten');
        else setMethods(result.methods);
      },
    });
  };
  if (methods) return <SecondStepForm methods={methods} onDone={() => navigate('/meine-ziele')} />;
  const serverError = login.error instanceof ApiError ? login.error.message : login.error ? t.errorOffline : null;

  return (
    <section className="narrow">
      <h1>{t.auth.title}</h1>
      <p>{t.auth.intro}</p>
      <form onSubmit={submit} noValidate className="form">
        {serverError && (
          <p role="alert" className="form-error">
            {serverError}
          </p>
        )}
        <Field id="email" label={t.auth.email} error={errors.email}>
          {(props) => <input {...props} name="email" type="email" autoComplete="username" required />}
        </Field>
        <Field id="password" label={t.auth.password} error={errors.password}>
          {(props) => <input {...props} name="password" type="password" autoComplete="current-password" required />}
        </Field>
        <button type="submit" disabled={login.isPending}>
          {t.auth.submit}
        </button>
      </form>
      {mail && (
        <p>
          <Link to="/passwort-vergessen">{a.forgot}</Link>
        </p>
      )}
    </section>
  );
}
