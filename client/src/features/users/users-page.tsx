import { useQuery } from '@tanstack/react-query';
import { usersQuery } from '../../api/accounts.ts';
import { meQuery } from '../../api/auth.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useAccountsT } from '../../lib/messages-accounts.ts';
import { InviteForm } from './invite-form.tsx';
import { UserRow } from './user-row.tsx';

/** The administration's accounts: who, which role and Ressorts, state, last login, second factor; invite and act. */
export function UsersPage() {
  const a = useAccountsT();
  const users = useQuery(usersQuery());
  const me = useQuery(meQuery());
  return (
    <section>
      <h1>{a.usersTitle}</h1>
      <p className="lead">{a.usersIntro}</p>
      <QueryState query={users}>
        {(data) => (
          <>
            <p className="muted">{data.mfaRequired ? a.mfaOn : a.mfaOff}</p>
            <div className="table-scroll">
              <table className="data-table" data-testid="users">
                <thead>
                  <tr>
                    <th scope="col">{a.columns.person}</th>
                    <th scope="col">{a.columns.role}</th>
                    <th scope="col">{a.columns.state}</th>
                    <th scope="col">{a.columns.lastLogin}</th>
                    <th scope="col">{a.columns.factor}</th>
                    <th scope="col">{a.columns.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((user) => (
                    <UserRow key={user.id} user={user} self={me.data?.user?.id === user.id} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
      <InviteForm />
    </section>
  );
}
