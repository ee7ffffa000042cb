import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate } from '@zielmonitor/shared/time/format';
import { roleLabel } from '@zielmonitor/shared/vocabulary/roles';
import { accountQuery } from '../../api/accounts.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useT } from '../../lib/i18n.ts';
import { useAccountsT } from '../../lib/messages-accounts.ts';
import { passkeysPossible } from './enrol-page.tsx';
import { FactorList } from './factor-list.tsx';
import { PasskeySetup } from './passkey-setup.tsx';
import { PasswordForm } from './password-form.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';
import { SessionList } from './session-list.tsx';
import { TotpSetup } from './totp-setup.tsx';

/** "Mein Konto": own password, second factors, recovery codes and sessions. */
export function AccountPage() {
  const t = useT();
  const a = useAccountsT();
  const account = useQuery(accountQuery());
  const [codes, setCodes] = useState<string[] | null>(null);
  const [adding, setAdding] = useState<'totp' | 'passkey' | null>(null);
  const added = (recoveryCodes: string[] | null) => {
    setAdding(null);
    setCodes(recoveryCodes);
    void account.refetch();
  };

  return (
    <section className="narrow">
      <h1>{a.accountTitle}</h1>
      <QueryState query={account}>
        {(data) => (
          <>
            <dl className="facts">
              <dt>{a.name}</dt>
              <dd>{data.user.name}</dd>
              <dt>{a.email}</dt>
              <dd>{data.user.email}</dd>
              <dt>{a.role}</dt>
              <dd>{roleLabel(data.user.role, t.lang)}</dd>
              {data.user.ressorts.length > 0 && (
                <>
                  <dt>{a.ressorts}</dt>
                  <dd>{data.user.ressorts.join(', ')}</dd>
                </>
              )}
            </dl>
            <h2>{a.passwordTitle}</h2>
            {data.passwordChangedAt && (
              <p className="muted">{a.passwordChanged(formatDate(data.passwordChangedAt, t.lang))}</p>
            )}
            <PasswordForm />
            <h2>{a.factorsTitle}</h2>
            {codes && <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />}
            <FactorList account={data} onNewCodes={setCodes} />
            {adding === 'totp' && <TotpSetup askPassword onEnrolled={added} />}
            {adding === 'passkey' && <PasskeySetup askPassword onEnrolled={added} />}
            {adding === null && (
              <p className="form-actions">
                <button type="button" onClick={() => setAdding('totp')}>
                  {a.totpStart}
                </button>
                {data.passkeysAvailable && passkeysPossible() && (
                  <button type="button" onClick={() => setAdding('passkey')}>
                    {a.passkeyAdd}
                  </button>
                )}
              </p>
            )}
          </>
        )}
      </QueryState>
      <h2>{a.sessionsTitle}</h2>
      <p>{a.sessionsIntro}</p>
      <SessionList />
    </section>
  );
}
