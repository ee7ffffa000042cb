import { useQuery } from '@tanstack/react-query';
import { Suspense, useEffect, type ReactNode } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { versionsQuery } from '../api/meta.ts';
import { UserMenu } from './user-menu.tsx';
import { PointInTimeBanner } from './point-in-time-banner.tsx';
import { formatDate } from '@zielmonitor/shared/time/format';
import { useT, type Lang } from '../lib/i18n.ts';
import { AsOfControl } from './as-of-control.tsx';
import { NavLink } from './nav-link.tsx';
import { OfflineBanner } from './offline-banner.tsx';
import { PageBoundary } from './page-boundary.tsx';
import { newView } from '../lib/connection.ts';

/** Parameters that follow the user from page to page. */
const KEPT = ['version', 'asOf', 'knownAt', 'snapshot'] as const;

export function useKeptSearch(): string {
  const [params] = useSearchParams();
  const kept = new URLSearchParams();
  for (const key of KEPT) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  const search = kept.toString();
  return search ? `?${search}` : '';
}

export function AppShell({ children, setLang }: { children: ReactNode; setLang: (lang: Lang) => void }) {
  const t = useT();
  const search = useKeptSearch();
  const [pathname] = useLocation();
  useEffect(() => newView(), [pathname]);
  const links: [string, string][] = [
    ['/', t.nav.overview],
    ['/ziele', t.nav.goals],
    ['/verlauf', t.nav.timeline],
    ['/aenderungen', t.nav.changes],
    ['/runden', t.nav.rounds],
    ['/44-zu-78', t.nav.lineage],
    ['/sitzung', t.nav.session],
  ];
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipLink}
      </a>
      <header className="app-header">
        <div className="brand">
          <NavLink to={`/${search}`} className="brand-name">
            {t.appName}
          </NavLink>
          <span className="brand-tagline">{t.appTagline}</span>
        </div>
        <nav aria-label={t.appName}>
          <ul>
            {links.map(([path, label]) => (
              <li key={path}>
                <NavLink to={`${path}${search}`} end={path === '/'}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-controls">
          <VersionSelect />
          <AsOfControl />
          <UserMenu />
          <button
            type="button"
            className="lang-switch"
            lang={t.lang === 'de' ? 'en' : 'de'}
            onClick={() => setLang(t.lang === 'de' ? 'en' : 'de')}
          >
            {t.lang === 'de' ? 'English' : 'Deutsch'}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} key={pathname}>
        <OfflineBanner />
        <PointInTimeBanner />
        {/* A page that loads or fails does so in its place: header and navigation stay. */}
        <PageBoundary title={t.offline.pageFailed} reload={t.offline.reload}>
          <Suspense
            fallback={
              <p className="state state-loading" role="status">
                {t.loading}
              </p>
            }
          >
            {children}
          </Suspense>
        </PageBoundary>
      </main>
      <footer className="app-footer">
        <p>{t.footer}</p>
        <p>
          <NavLink to="/barrierefreiheit">{t.a11yTitle}</NavLink> ·{' '}
          <NavLink to="/datenschutz">{t.privacyTitle}</NavLink> · <NavLink to="/hinweise">{t.requestsLink}</NavLink> ·{' '}
          <a href="/api/docs">API</a>
        </p>
      </footer>
    </>
  );
}

export const DEFAULT_VERSION = '1.0';

function VersionSelect() {
  const t = useT();
  const versions = useQuery(versionsQuery());
  const [params, setParams] = useSearchParams();
  const value = params.get('version') ?? DEFAULT_VERSION;
  return (
    <label className="control">
      <span>{t.version}</span>
      <select
        value={value}
        onChange={(e) =>
          setParams((p) => {
            const next = new URLSearchParams(p);
            next.set('version', e.target.value);
            return next;
          })
        }
      >
        {(versions.data ?? [{ key: value, title: '', presentedOn: '' }]).map((v) => (
          <option key={v.key} value={v.key}>
            {v.presentedOn ? t.versionOption(v.key, v.title, formatDate(v.presentedOn, t.lang)) : v.key}
          </option>
        ))}
      </select>
    </label>
  );
}
