import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, startTransition, StrictMode, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Switch } from 'wouter';
import { createQueryClient } from './api/query-client.ts';
import { setLanguage } from './lib/language.ts';
import { AppShell } from './components/app-shell.tsx';
import { OverviewPage } from './features/overview/overview-page.tsx';
import { NotFoundPage } from './components/not-found-page.tsx';
import { LangContext, loadMessages, type Lang, type T } from './lib/i18n.ts';
import './styles.css';

// Pages other than the overview load on demand: the first screen waits for none of them.
const GoalPage = lazy(() => import('./features/goals/goal-page.tsx').then((m) => ({ default: m.GoalPage })));
const GoalsPage = lazy(() => import('./features/goals/goals-page.tsx').then((m) => ({ default: m.GoalsPage })));
const LoginPage = lazy(() => import('./features/auth/login-page.tsx').then((m) => ({ default: m.LoginPage })));
const EnrolPage = lazy(() => import('./features/account/enrol-page.tsx').then((m) => ({ default: m.EnrolPage })));
const AccountPage = lazy(() => import('./features/account/account-page.tsx').then((m) => ({ default: m.AccountPage })));
const SetPasswordPage = lazy(() =>
  import('./features/account/set-password-page.tsx').then((m) => ({ default: m.SetPasswordPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('./features/account/forgot-password-page.tsx').then((m) => ({ default: m.ForgotPasswordPage })),
);
const UsersPage = lazy(() => import('./features/users/users-page.tsx').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./features/controller/audit-page.tsx').then((m) => ({ default: m.AuditPage })));
const ImportPage = lazy(() => import('./features/controller/import-page.tsx').then((m) => ({ default: m.ImportPage })));
const MyGoalsPage = lazy(() =>
  import('./features/controller/my-goals-page.tsx').then((m) => ({ default: m.MyGoalsPage })),
);
const StatusFormPage = lazy(() =>
  import('./features/controller/status-form-page.tsx').then((m) => ({ default: m.StatusFormPage })),
);
const CorrectionPage = lazy(() =>
  import('./features/controller/correction-page.tsx').then((m) => ({ default: m.CorrectionPage })),
);
const ReviewPage = lazy(() => import('./features/review/review-page.tsx').then((m) => ({ default: m.ReviewPage })));
const RoundsPage = lazy(() => import('./features/rounds/rounds-page.tsx').then((m) => ({ default: m.RoundsPage })));
const RoundPage = lazy(() => import('./features/rounds/round-page.tsx').then((m) => ({ default: m.RoundPage })));
const ChangesPage = lazy(() => import('./features/time/changes-page.tsx').then((m) => ({ default: m.ChangesPage })));
const TimelinePage = lazy(() => import('./features/time/timeline-page.tsx').then((m) => ({ default: m.TimelinePage })));
const LineagePage = lazy(() => import('./features/lineage/lineage-page.tsx').then((m) => ({ default: m.LineagePage })));
const SessionPage = lazy(() => import('./features/session/session-page.tsx').then((m) => ({ default: m.SessionPage })));
const AccessibilityPage = lazy(() =>
  import('./features/accessibility/accessibility-page.tsx').then((m) => ({ default: m.AccessibilityPage })),
);
const RessortPage = lazy(() => import('./features/ressort/ressort-page.tsx').then((m) => ({ default: m.RessortPage })));
const IndicatorsPage = lazy(() =>
  import('./features/indicators/indicators-page.tsx').then((m) => ({ default: m.IndicatorsPage })),
);
const IndicatorPage = lazy(() =>
  import('./features/indicators/indicator-page.tsx').then((m) => ({ default: m.IndicatorPage })),
);
const ReadingFormPage = lazy(() =>
  import('./features/indicators/reading-form-page.tsx').then((m) => ({ default: m.ReadingFormPage })),
);

const VoicesRoutes = lazy(() =>
  import('./features/voices/voices-routes.tsx').then((m) => ({ default: m.VoicesRoutes })),
);

const queryClient = createQueryClient();

function App({ initial }: { initial: T }) {
  const [t, setT] = useState(initial);
  useEffect(() => {
    document.documentElement.lang = t.lang;
  }, [t.lang]);
  // Kept only when chosen, so a start in German because English could not load keeps the choice.
  const setLang = useCallback(
    (lang: Lang) =>
      void loadMessages(lang).then(
        (messages) => {
          localStorage.setItem('zm-lang', lang);
          setLanguage(lang);
          setT(messages);
        },
        () => {},
      ),
    [],
  );
  const lang = useMemo(() => ({ t, setLang }), [t, setLang]);
  return (
    <LangContext.Provider value={lang}>
      <QueryClientProvider client={queryClient}>
        <Suspense
          fallback={
            <p className="state state-loading" role="status">
              {t.lang === 'de' ? 'Seite wird geladen …' : 'Loading page …'}
            </p>
          }
        >
          <Switch>
            {/* The session mode has no chrome: it is the whole screen. */}
            <Route path="/sitzung" component={SessionPage} />
            <Route>
              <AppShell setLang={setLang}>
                <Switch>
                  <Route path="/" component={OverviewPage} />
                  <Route path="/ziele" component={GoalsPage} />
                  <Route path="/ziele/:id" component={GoalPage} />
                  <Route path="/ziele/:id/melden" component={StatusFormPage} />
                  <Route path="/ziele/:id/meldungen/:eventId/berichtigen" component={CorrectionPage} />
                  <Route path="/anmelden" component={LoginPage} />
                  <Route path="/konto" component={AccountPage} />
                  <Route path="/konto/einrichten" component={EnrolPage} />
                  <Route path="/konten" component={UsersPage} />
                  <Route path="/passwort-setzen" component={SetPasswordPage} />
                  <Route path="/passwort-vergessen" component={ForgotPasswordPage} />
                  <Route path="/verlauf" component={TimelinePage} />
                  <Route path="/aenderungen" component={ChangesPage} />
                  <Route path="/44-zu-78" component={LineagePage} />
                  <Route path="/meine-ziele" component={MyGoalsPage} />
                  <Route path="/freigaben" component={ReviewPage} />
                  <Route path="/runden" component={RoundsPage} />
                  <Route path="/runden/:id" component={RoundPage} />
                  <Route path="/protokoll" component={AuditPage} />
                  <Route path="/import" component={ImportPage} />
                  <Route path="/barrierefreiheit" component={AccessibilityPage} />
                  <Route path="/datenschutz" component={VoicesRoutes} />
                  <Route path="/fehler-melden" component={VoicesRoutes} />
                  <Route path="/hinweise" component={VoicesRoutes} />
                  <Route path="/abo/bestaetigen" component={VoicesRoutes} />
                  <Route path="/abo/abmelden/:token" component={VoicesRoutes} />
                  <Route path="/ziele/:id/meldungen/:eventId/stellungnahme" component={VoicesRoutes} />
                  <Route path="/kennzahlen/:id/messwerte/:readingId/stellungnahme" component={VoicesRoutes} />
                  <Route path="/ressorts/:code" component={RessortPage} />
                  <Route path="/kennzahlen" component={IndicatorsPage} />
                  <Route path="/kennzahlen/:id" component={IndicatorPage} />
                  <Route path="/kennzahlen/:id/melden" component={ReadingFormPage} />
                  <Route component={NotFoundPage} />
                </Switch>
              </AppShell>
            </Route>
          </Switch>
        </Suspense>
      </QueryClientProvider>
    </LangContext.Provider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
// Not a top-level await: that would make the bundler split every module the pages share with the entry.
// The first render is a transition: React renders it in slices and lets the browser paint and
// answer input in between, instead of one long task on a slow laptop.
// English that cannot load (offline before it was ever fetched) starts in German.
void loadMessages(localStorage.getItem('zm-lang') === 'en' ? 'en' : 'de')
  .catch(() => loadMessages('de'))
  .then((initial) => {
    setLanguage(initial.lang);
    startTransition(() =>
      createRoot(root).render(
        <StrictMode>
          <App initial={initial} />
        </StrictMode>,
      ),
    );
  });

// Offline use after the first visit: the service worker caches every page of the build (English
// included, for a switch while offline) and the data shown. Registered when the page is idle.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () =>
    requestIdleCallback(
      () => void import('./lib/service-worker.ts').then((m) => m.registerServiceWorker()).catch(() => {}),
      { timeout: 3000 },
    ),
  );
}
