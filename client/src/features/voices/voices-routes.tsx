import { Route, Switch } from 'wouter';
import { PrivacyPage } from './privacy-page.tsx';
import { ConfirmPage } from './confirm-page.tsx';
import { ReplyFormPage } from './reply-form-page.tsx';
import { ReportErrorPage } from './report-error-page.tsx';
import { RequestsPage } from './requests-page.tsx';
import { UnsubscribePage } from './unsubscribe-page.tsx';

/**
 * The pages of independent voices, loaded together as one chunk on the first visit to any of them:
 * one lazy entry in the first screen's code instead of six.
 */
export function VoicesRoutes() {
  return (
    <Switch>
      <Route path="/datenschutz" component={PrivacyPage} />
      <Route path="/fehler-melden" component={ReportErrorPage} />
      <Route path="/hinweise" component={RequestsPage} />
      <Route path="/abo/bestaetigen" component={ConfirmPage} />
      <Route path="/abo/abmelden/:token" component={UnsubscribePage} />
      <Route path="/ziele/:id/meldungen/:eventId/stellungnahme" component={ReplyFormPage} />
      <Route path="/kennzahlen/:id/messwerte/:readingId/stellungnahme" component={ReplyFormPage} />
    </Switch>
  );
}
