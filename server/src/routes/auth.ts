import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginBody, MeResponse } from '@zielmonitor/shared/schemas/auth';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { clearSessionCookie, requireUser, setSessionCookie } from '../plugins/auth.ts';
import { login, TooManyAttempts, type SessionPolicy } from '../services/auth.ts';

export const authRoutes: FastifyPluginAsyncZod<{ session: SessionPolicy }> = async (app, opts) => {
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
        const user = await login(app.repos, email, password, request.ip);
        // A fresh session id on every login; an old session in this browser ends.
        if (request.sessionId) app.repos.sessions.remove(request.sessionId);
        const sessionId = app.repos.sessions.create(user.id, new Date(), opts.session.absoluteMs, request.ip);
        setSessionCookie(request, reply, sessionId, opts.session.absoluteMs);
        request.log.info({ event: 'login', email: user.email, ip: request.ip }, 'login succeeded');
        return { user };
      } catch (err) {
        if (err instanceof TooManyAttempts) reply.header('Retry-After', String(err.retryAfterSeconds));
        request.log.warn(
          { event: 'login_failed', email, ip: request.ip, code: (err as { code?: string }).code },
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
