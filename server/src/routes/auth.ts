import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginBody, MeResponse } from '@zielmonitor/shared/schemas/auth';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { clearSessionCookie, requireUser, setSessionCookie } from '../plugins/auth.ts';
import { createConcurrencyGate, type GateLimits } from '../lib/concurrency-gate.ts';
import { login, type SessionPolicy } from '../services/auth.ts';
import { AppError } from '../lib/errors.ts';

export const authRoutes: FastifyPluginAsyncZod<{ session: SessionPolicy; loginConcurrency: GateLimits }> = async (
  app,
  opts,
) => {
  const hashing = createConcurrencyGate(opts.loginConcurrency);

  app.post(
    '/auth/login',
    {
      schema: {
        operationId: 'login',
        summary: 'Anmelden (setzt das Sitzungs-Cookie)',
        security: [],
        body: LoginBody,
        response: { 200: MeResponse, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      try {
        const user = await login(app.db, app.repos, hashing, { email, password, ip: request.ip });
        // A fresh session id on every login; an old session in this browser ends.
        if (request.sessionId) app.repos.sessions.remove(request.sessionId);
        const sessionId = app.repos.sessions.create(user.id, new Date(), opts.session.absoluteMs, request.ip);
        setSessionCookie(request, reply, sessionId, opts.session.absoluteMs);
        request.log.info({ event: 'login', email: user.email, ip: request.ip }, 'login succeeded');
        return { user };
      } catch (err) {
        // Failed and refused logins go into the audit log too (the address tried, never the password);
        // a login turned away for want of a free hashing slot checked no password and is not one.
        const code = (err as { code?: string }).code;
        if (err instanceof AppError && (err.statusCode === 401 || code === 'TOO_MANY_ATTEMPTS')) {
          try {
            app.repos.audit.append({
              actorId: null,
              actor: email,
              action: err.statusCode === 401 ? 'login.failed' : 'login.refused',
              entityType: 'user',
              entityId: email,
              before: null,
              after: { email, reason: err.message },
              ip: request.ip,
            });
          } catch (auditError) {
            // A locked database must not turn a wrong password into a 500: the log still has it.
            request.log.warn({ err: auditError, email }, 'failed login not written to the audit log');
          }
        }
        // Refused for want of a free hashing slot, no password was checked: under a flood that is
        // thousands a second, so at debug level (nginx's access log has every request).
        request.log[code === 'LOGIN_BUSY' ? 'debug' : 'warn'](
          { event: 'login_failed', email, ip: request.ip, code },
          'login failed',
        );
        throw err;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'logout',
        summary: 'Abmelden',
        security: [{ session: [] }],
        response: { 200: MeResponse, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (request.sessionId) app.repos.sessions.remove(request.sessionId);
      clearSessionCookie(request, reply);
      request.log.info({ event: 'logout', email: request.user?.email }, 'logout');
      return { user: null };
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        operationId: 'getCurrentUser',
        summary: 'Das angemeldete Konto oder null',
        security: [],
        response: { 200: MeResponse },
      },
    },
    async (request) => ({ user: request.user }),
  );
};
