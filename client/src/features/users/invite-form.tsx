import { useState, type SubmitEvent } from 'react';
import { CreateUserBody, type IssuedLink } from '@zielmonitor/shared/schemas/accounts';
import { formatDateTime } from '@zielmonitor/shared/time/format';
import { useInviteUser } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { fieldErrors, serverFieldErrors } from '../../lib/field-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { useAccountsT } from '../../lib/messages-accounts.ts';
import { Field } from '../../components/field.tsx';
import { ScopeFields, scopeOf } from './scope-fields.tsx';
import { formText } from '../../lib/form-text.ts';

/** Invites a person: the account exists without a password until they set one through the link. */
export function InviteForm() {
  const t = useT();
  const a = useAccountsT();
  const invite = useInviteUser();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = CreateUserBody.safeParse({
      email: formText(data, 'email').trim(),
      name: formText(data, 'name'),
      ...scopeOf(data),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    invite.mutate(parsed.data, {
      onSuccess: () => form.reset(),
      onError: (error) => setErrors(error instanceof ApiError ? serverFieldErrors(error.body?.error.issues) : {}),
    });
  };
  const serverError = invite.error instanceof ApiError ? invite.error.message : invite.error ? t.errorOffline : null;
  return (
    <form onSubmit={submit} noValidate className="form panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{a.inviteTitle}</h2>
      {invite.data && <IssuedLinkNote link={invite.data.link} />}
      {serverError && Object.keys(errors).length === 0 && (
        <p role="alert" className="form-error">
          {serverError}
        </p>
      )}
      <Field id="invite-name" label={a.name} error={errors.name}>
        {(props) => <input {...props} name="name" autoComplete="off" required />}
      </Field>
      <Field id="invite-email" label={a.email} error={errors.email}>
        {(props) => <input {...props} name="email" type="email" autoComplete="off" required />}
      </Field>
      <ScopeFields idPrefix="invite" role="controller" ressorts={[]} organisation={null} errors={errors} />
      <button type="submit" disabled={invite.isPending}>
        {a.invite}
      </button>
    </form>
  );
}

/** Where a new link went: by mail, or (without mail) the link itself, shown this once. */
export function IssuedLinkNote({ link }: { link: IssuedLink }) {
  const t = useT();
  const a = useAccountsT();
  const until = formatDateTime(link.expiresAt, t.lang);
  if (link.url === null)
    return (
      <p role="status" className="saved">
        {link.purpose === 'invitation' ? a.invited(link.sentTo ?? '', until) : a.resetSent(link.sentTo ?? '', until)}
      </p>
    );
  return (
    <div role="status" className="notice">
      <p>{a.handOver(until)}</p>
      <p>
        <code className="mono" data-testid="issued-link">
          {link.url}
        </code>
      </p>
    </div>
  );
}
