import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { meQuery, useLogout } from '../api/auth.ts';
import { useT } from '../lib/i18n.ts';
import { NavLink } from './nav-link.tsx';

/** Login link for the public; for a controller their goals, for an admin also the log. */
export function UserMenu() {
  const t = useT();
  const me = useQuery(meQuery());
  const logout = useLogout();
  const [, navigate] = useLocation();
  const user = me.data?.user;
  if (me.isPending) return <span className="user-link" />;
  if (!user)
    return (
      <NavLink to="/anmelden" className="user-link">
        {t.nav.login}
      </NavLink>
    );
  return (
    <div className="user-menu">
      <span className="muted">{t.auth.signedInAs(user.name)}</span>
      {user.role !== 'assessor' && <NavLink to="/meine-ziele">{t.nav.myGoals}</NavLink>}
      {user.role !== 'assessor' && <NavLink to="/freigaben">{t.nav.review}</NavLink>}
      {user.role !== 'assessor' && <NavLink to="/hinweise">{t.nav.requests}</NavLink>}
      {user.role === 'admin' && <NavLink to="/protokoll">{t.nav.audit}</NavLink>}
      {user.role === 'admin' && <NavLink to="/import">Import</NavLink>}
      {user.role === 'admin' && <NavLink to="/konten">{t.nav.users}</NavLink>}
      <NavLink to="/konto">{t.nav.account}</NavLink>
      <button type="button" onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/') })}>
        {t.nav.logout}
      </button>
    </div>
  );
}
