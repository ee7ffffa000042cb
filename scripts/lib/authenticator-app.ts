import { TOTP_PERIOD_SECONDS, totpCode } from '../../server/src/lib/totp.ts';

/** An authenticator app as the browser journeys use it: its key, and the last time step it showed a code for. */
export type AuthenticatorApp = { secret: string; lastStep: number };

/**
 * The code the app shows now that the server has not taken yet (it refuses a step twice): the
 * oldest step within ±1 after the last one used, else the next step, waited for as a person would.
 */
export async function nextAppCode(app: AuthenticatorApp): Promise<string> {
  const period = TOTP_PERIOD_SECONDS * 1000;
  for (;;) {
    const current = Math.floor(Date.now() / period);
    const step = Math.max(app.lastStep + 1, current - 1);
    if (step <= current || (step === current + 1 && Date.now() % period < period - 3000)) {
      app.lastStep = step;
      return totpCode(app.secret, new Date(step * period));
    }
    await new Promise((resolve) => setTimeout(resolve, period - (Date.now() % period) + 100));
  }
}
