import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { useConfirmSubscription } from '../../api/voices.ts';
import { useVoicesT } from '../../lib/messages-voices.ts';

/**
 * The confirmation link of a subscription: `/abo/bestaetigen#token`. The token is in the fragment,
 * so it reaches no server log and no Referer; the page sends it once.
 */
export function ConfirmPage() {
  const v = useVoicesT();
  const confirm = useConfirmSubscription();
  const token = window.location.hash.slice(1);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || token === '') return;
    sent.current = true;
    confirm.mutate(token);
  }, [confirm, token]);
  return (
    <section className="narrow">
      <h1>{v.confirmTitle}</h1>
      <div role="status" data-testid="confirm-result">
        {token === '' ? (
          <p className="form-error">{v.noToken}</p>
        ) : confirm.isSuccess ? (
          <p className="saved">
            {v.confirmed(confirm.data.subscription.label)}{' '}
            <Link to={confirm.data.subscription.path}>{confirm.data.subscription.label}</Link>
          </p>
        ) : confirm.error ? (
          <p className="form-error">{confirm.error.message}</p>
        ) : (
          <p>{v.confirming}</p>
        )}
      </div>
    </section>
  );
}
