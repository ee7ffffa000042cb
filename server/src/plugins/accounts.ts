import fp from 'fastify-plugin';
import { createConcurrencyGate, type ConcurrencyGate, type GateLimits } from '../lib/concurrency-gate.ts';
import type { AccountContext } from '../services/account-context.ts';
import type { SessionPolicy } from '../services/auth.ts';
import { passkeysAvailable } from '../services/passkeys.ts';

declare module 'fastify' {
  interface FastifyInstance {
    accounts: {
      /** The account services' context: built per call, since the listening origin is known only once listening. */
      context: () => AccountContext;
      /** One gate for every password hash (login, re-authentication): at most 2 at once, 1 per client. */
      passwordGate: ConcurrencyGate;
      session: SessionPolicy;
      mfaRequired: boolean;
    };
  }
}

export const accountsPlugin = fp<{ mfaRequired: boolean; session: SessionPolicy; loginConcurrency: GateLimits }>(
  async (app, opts) => {
    app.decorate('accounts', {
      context: () => ({
        db: app.db,
        repos: app.repos,
        mail: app.mail,
        origin: app.publicOrigin,
        policy: { mfaRequired: opts.mfaRequired, passkeysAvailable: passkeysAvailable(app.publicOrigin) },
      }),
      passwordGate: createConcurrencyGate(opts.loginConcurrency),
      session: opts.session,
      mfaRequired: opts.mfaRequired,
    });
  },
  { name: 'accounts', dependencies: ['db', 'mail'] },
);
