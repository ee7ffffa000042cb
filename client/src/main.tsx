import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { z } from 'zod';
import { createQueryClient } from './api/query-client.ts';
import { AppShell } from './components/app-shell.tsx';
import { GoalPage } from './features/goals/goal-page.tsx';
import { GoalsPage } from './features/goals/goals-page.tsx';
import { OverviewPage } from './features/overview/overview-page.tsx';
import { NotFoundPage } from './components/not-found-page.tsx';
import { LoginPage } from './features/auth/login-page.tsx';
import { AuditPage } from './features/controller/audit-page.tsx';
import { ImportPage } from './features/controller/import-page.tsx';
import { MyGoalsPage } from './features/controller/my-goals-page.tsx';
import { StatusFormPage } from './features/controller/status-form-page.tsx';
import { ChangesPage } from './features/time/changes-page.tsx';
import { TimelinePage } from './features/time/timeline-page.tsx';
import { LineagePage } from './features/lineage/lineage-page.tsx';
import { SessionPage } from './features/session/session-page.tsx';
import { AccessibilityPage } from './features/accessibility-page.tsx';
import { RessortPage } from './features/ressort/ressort-page.tsx';
import { LangContext, type Lang } from './lib/i18n.ts';
import './styles.css';

z.config(z.locales.de());
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
