import { useState, type SubmitEvent } from 'react';
import { useLocation } from 'wouter';
import { LoginBody } from '@zielmonitor/shared/schemas/auth';
import { useLogin } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../lib/i18n.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { formText } from '../../lib/form-text.ts';

export function LoginPage() {
  const t = useT();
  const login = useLogin();
  const [, navigate] = useLocation();
  const [errors, setErrors] = useState<Record<string, string>>({});

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
    login.mutate(parsed.data, { onSuccess: () => navigate('/meine-ziele') });
  };
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
        <div className="field">
          <label htmlFor="email">{t.auth.email}</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            aria-invalid={Boolean(errors.email)}
            aria-describedby={errors.email ? 'email-error' : undefined}
          />
          {errors.email && (
            <p id="email-error" className="field-error">
              {errors.email}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="password">{t.auth.password}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={Boolean(errors.password)}
            aria-describedby={errors.password ? 'password-error' : undefined}
          />
          {errors.password && (
            <p id="password-error" className="field-error">
              {errors.password}
            </p>
          )}
        </div>
        <button type="submit" disabled={login.isPending}>
          {t.auth.submit}
        </button>
      </form>
    </section>
  );
}
