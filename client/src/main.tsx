import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { createQueryClient } from './api/query-client.ts';
import { AppShell } from './components/app-shell.tsx';
import { OverviewPage } from './features/overview/overview-page.tsx';
import { NotFoundPage } from './components/not-found-page.tsx';
import { LangContext, type Lang } from './lib/i18n.ts';
import './styles.css';

// Pages other than the overview load on demand: the first screen waits for none of them.
const GoalPage = lazy(() => import('./features/goals/goal-page.tsx').then((m) => ({ default: m.GoalPage })));
const GoalsPage = lazy(() => import('./features/goals/goals-page.tsx').then((m) => ({ default: m.GoalsPage })));
const LoginPage = lazy(() => import('./features/auth/login-page.tsx').then((m) => ({ default: m.LoginPage })));
const AuditPage = lazy(() => import('./features/controller/audit-page.tsx').then((m) => ({ default: m.AuditPage })));
const ImportPage = lazy(() => import('./features/controller/import-page.tsx').then((m) => ({ default: m.ImportPage })));
const MyGoalsPage = lazy(() => import('./features/controller/my-goals-page.tsx').then((m) => ({ default: m.MyGoalsPage })));
const StatusFormPage = lazy(() => import('./features/controller/status-form-page.tsx').then((m) => ({ default: m.StatusFormPage })));
const ChangesPage = lazy(() => import('./features/time/changes-page.tsx').then((m) => ({ default: m.ChangesPage })));
const TimelinePage = lazy(() => import('./features/time/timeline-page.tsx').then((m) => ({ default: m.TimelinePage })));
const LineagePage = lazy(() => import('./features/lineage/lineage-page.tsx').then((m) => ({ default: m.LineagePage })));
const SessionPage = lazy(() => import('./features/session/session-page.tsx').then((m) => ({ default: m.SessionPage })));
const AccessibilityPage = lazy(() => import('./features/accessibility-page.tsx').then((m) => ({ default: m.AccessibilityPage })));
const RessortPage = lazy(() => import('./features/ressort/ressort-page.tsx').then((m) => ({ default: m.RessortPage })));

const queryClient = createQueryClient();

function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('zm-lang') === 'en' ? 'en' : 'de'));
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('zm-lang', lang);
  }, [lang]);
  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Suspense fallback={<p className="state state-loading" role="status">{lang === 'de' ? 'Seite wird geladen …' : 'Loading page …'}</p>}>
          <Routes>
            {/* The session mode has no chrome: it is the whole screen. */}
            <Route path="/sitzung" element={<SessionPage />} />
            <Route path="*" element={<AppShell setLang={setLang}><Routes>
              <Route path="/" element={<OverviewPage />} />
              <Route path="/ziele" element={<GoalsPage />} />
              <Route path="/ziele/:id" element={<GoalPage />} />
              <Route path="/ziele/:id/melden" element={<StatusFormPage />} />
              <Route path="/anmelden" element={<LoginPage />} />
              <Route path="/verlauf" element={<TimelinePage />} />
              <Route path="/aenderungen" element={<ChangesPage />} />
              <Route path="/44-zu-78" element={<LineagePage />} />
              <Route path="/meine-ziele" element={<MyGoalsPage />} />
              <Route path="/protokoll" element={<AuditPage />} />
              <Route path="/import" element={<ImportPage />} />
              <Route path="/barrierefreiheit" element={<AccessibilityPage />} />
              <Route path="/ressorts/:code" element={<RessortPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes></AppShell>} />
          </Routes>
          </Suspense>
        </BrowserRouter>
      </QueryClientProvider>
    </LangContext.Provider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(<StrictMode><App /></StrictMode>);

// Offline use after the first visit (session mode): a small service worker caches the app and its data.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => {}));
}
