import { useState } from 'react';
import { useLocation } from 'wouter';
import { useAccountsT } from '../../lib/messages-accounts.ts';
import { PasskeySetup } from './passkey-setup.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';
import { TotpSetup } from './totp-setup.tsx';

/**
 * The first login of an account that must have a second factor: the password was right, and
 * before anything else it sets one up. The first factor completes the login; its recovery codes
 * are shown once. Passkeys are offered where the address allows them (a host name, not an IP).
 */
export function EnrolPage() {
  const a = useAccountsT();
  const [, navigate] = useLocation();
  const [codes, setCodes] = useState<string[] | null>(null);
  const enrolled = (recoveryCodes: string[] | null) =>
    recoveryCodes ? setCodes(recoveryCodes) : navigate('/meine-ziele');
  const passkeys = passkeysPossible();

  return (
    <section className="narrow">
      <h1>{a.enrolTitle}</h1>
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => navigate('/meine-ziele')} />
      ) : (
        <>
          <p>{a.enrolIntro}</p>
          <h2>{a.totpTitle}</h2>
          <TotpSetup askPassword={false} onEnrolled={enrolled} />
          {passkeys && (
            <>
              <h2>{a.passkeyTitle}</h2>
              <PasskeySetup askPassword={false} onEnrolled={enrolled} />
            </>
          )}
        </>
      )}
    </section>
  );
}

/** Browsers refuse passkeys for a bare IP address and outside a secure context (the server says the same). */
export const passkeysPossible = (): boolean =>
  'PublicKeyCredential' in window && window.isSecureContext && !/^[\d.]+$|^\[/.test(window.location.hostname);
