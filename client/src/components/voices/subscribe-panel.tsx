import { useQuery } from '@tanstack/react-query';
import { useId, useState, type SubmitEvent } from 'react';
import { Link } from 'wouter';
import { SubscribeBody, type SubscriptionScope } from '@zielmonitor/shared/schemas/subscription';
import { aboutQuery } from '../../api/about.ts';
import { useSubscribe } from '../../api/voices.ts';
import { formText } from '../../lib/form-text.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { useVoicesT } from '../../lib/messages-voices.ts';
import { Field } from '../field.tsx';
import { readWriteError } from '../write-feedback.tsx';

/**
 * Subscribing by e-mail (double opt-in): an address, how often, and a field robots fill in and
 * people never see. Hidden where the installation cannot send mail.
 */
export function SubscribePanel({
  scope,
  scopeId,
  label,
}: {
  scope: SubscriptionScope;
  scopeId: string;
  label: string;
}) {
  const v = useVoicesT();
  const id = useId();
  const about = useQuery(aboutQuery());
  const subscribe = useSubscribe();
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!about.data?.mailConfigured) return null;
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = SubscribeBody.safeParse({
      email: formText(data, 'email'),
      frequency: formText(data, 'frequency') || 'immediate',
      website: formText(data, 'website'),
      scope,
      scopeId,
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    subscribe.mutate(parsed.data, { onError: (error) => setErrors(readWriteError(error).errors ?? {}) });
  };
  return (
    <details className="panel subscribe" data-testid="subscribe">
      <summary>{v.subscribe}</summary>
      <p>{v.subscribeIntro(label)}</p>
      {subscribe.isSuccess ? (
        <p role="status" className="saved">
          {v.subscribeSent(subscribe.data.confirmationHours)}
        </p>
      ) : (
        <form className="form" noValidate onSubmit={submit}>
          <Field id={`${id}-email`} label={v.email} error={errors.email}>
            {(props) => <input {...props} name="email" type="email" autoComplete="email" maxLength={254} />}
          </Field>
          <fieldset>
            <legend>{v.frequency}</legend>
            <label>
              <input type="radio" name="frequency" value="immediate" defaultChecked /> {v.immediate}
            </label>
            <label>
              <input type="radio" name="frequency" value="daily" /> {v.daily}
            </label>
          </fieldset>
          <div className="hp" aria-hidden="true">
            <label htmlFor={`${id}-website`}>{v.honeypot}</label>
            <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" />
          </div>
          {subscribe.error && !readWriteError(subscribe.error).errors && (
            <p className="form-error" role="alert">
              {subscribe.error.message}
            </p>
          )}
          <p className="field-hint">
            <Link to="/datenschutz">{v.privacyLink}</Link>
          </p>
          <button type="submit" disabled={subscribe.isPending}>
            {v.subscribeSubmit}
          </button>
        </form>
      )}
    </details>
  );
}
