import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginBody, LoginResponse, MeResponse, SecondFactorBody } from '@zielmonitor/shared/schemas/auth';
import {
  AcceptedResponse,
  ForgotPasswordBody,
  LinkInfo,
  LinkTokenBody,
  SetPasswordBody,
  SetPasswordResponse,
} from '@zielmonitor/shared/schemas/accounts';
import { PasskeyLoginBody, PasskeyRequestOptions } from '@zielmonitor/shared/schemas/passkey';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { clearSessionCookie, requirePending, requireUser, setSessionCookie } from '../plugins/auth.ts';
import { login, PENDING_SESSION_MS } from '../services/auth.ts';
import { passSecondStep, startSession, type SecondStepAnswer } from '../services/second-step.ts';
import { authenticationOptions } from '../services/passkeys.ts';
import { inspectLink, requestReset, setPasswordByLink } from '../services/password-links.ts';
import { AppError } from '../lib/errors.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse };
const meta = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });

/**
 * Signing in (password, then the second factor), out, and the pages of invitation and reset
 * links. Every step is throttled with the password (services/limits.ts).
 */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { passwordGate, session } = app.accounts;

  /** Failed and refused logins go into the audit log too (the address tried, never the password). */
  const auditFailure = (request: FastifyRequest, email: string, err: unknown) => {
    const code = (err as { code?: string }).code;
    // A login turned away for want of a free hashing slot checked no password and is not one.
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
    // Under a flood LOGIN_BUSY is thousands a second, so at debug level (nginx's access log has every request).
    request.log[code === 'LOGIN_BUSY' ? 'debug' : 'warn'](
      { event: 'login_failed', email, ip: request.ip, code },
      'login failed',
    );
  };

  app.post(
    '/auth/login',
    {
      schema: {
        operationId: 'login',
        security: [],
        summary: 'Anmelden, erster Schritt: E-Mail-Adresse und Passwort',
        body: LoginBody,
        response: { 200: LoginResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const ctx = app.accounts.context();
      try {
        const outcome = await login(app.db, app.repos, passwordGate, { email, password, ip: request.ip }, ctx.policy);
        if (outcome.step === 'signed-in') {
          const started = startSession(ctx, outcome.record, request.sessionId, null, meta(request), session);
          setSessionCookie(request, reply, started.sessionId, session.absoluteMs);
          request.log.info({ event: 'login', email: started.user.email, ip: request.ip }, 'login succeeded');
          return { user: started.user, step: outcome.step, methods: [] };
        }
        // The password was right: a short-lived session that opens nothing but the second step.
        if (request.sessionId) app.repos.sessions.remove(request.sessionId);
        const pendingId = app.repos.sessions.create(outcome.record.id, new Date(), PENDING_SESSION_MS, request.ip, {
          stage: outcome.step,
          userAgent: meta(request).userAgent,
        });
        setSessionCookie(request, reply, pendingId, PENDING_SESSION_MS);
        return { user: null, step: outcome.step, methods: outcome.methods };
      } catch (err) {
        auditFailure(request, email, err);
        throw err;
      }
    },
  );

  const finish = async (request: FastifyRequest, answer: SecondStepAnswer) => {
    const pending = request.pending;
    if (!pending || !request.sessionId) throw new Error('requirePending let a request without a pending login through');
    const started = await passSecondStep(
      app.accounts.context(),
      { record: pending.record, sessionId: request.sessionId },
      answer,
      meta(request),
      session,
    );
    request.log.info(
      { event: 'login', email: started.user.email, method: answer.method, ip: request.ip },
      'login succeeded',
    );
    return started;
  };

  app.post(
    '/auth/second-factor',
    {
      onRequest: requirePending(['second-factor']),
      schema: {
        operationId: 'secondFactor',
        security: [{ session: [] }],
        summary: 'Anmelden, zweiter Schritt: Code der Authenticator-App oder Wiederherstellungscode',
        body: SecondFactorBody,
        response: { 200: LoginResponse, ...errors },
      },
    },
    async (request, reply) => {
      const started = await finish(request, request.body);
      setSessionCookie(request, reply, started.sessionId, session.absoluteMs);
      return { user: started.user, step: 'signed-in' as const, methods: [] };
    },
  );

  app.post(
    '/auth/passkey/options',
    {
      onRequest: requirePending(['second-factor']),
      schema: {
        operationId: 'passkeyLoginOptions',
        security: [{ session: [] }],
        summary: 'Anmelden, zweiter Schritt: Aufgabe für den Passkey',
        response: { 200: PasskeyRequestOptions, 401: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => {
      const pending = request.pending;
      if (!pending || !request.sessionId)
        throw new Error('requirePending let a request without a pending login through');
      return authenticationOptions(app.repos, request.sessionId, pending.record.id, app.publicOrigin);
    },
  );

  app.post(
    '/auth/passkey',
    {
      onRequest: requirePending(['second-factor']),
      schema: {
        operationId: 'passkeyLogin',
        security: [{ session: [] }],
        summary: 'Anmelden, zweiter Schritt: mit dem Passkey unterschriebene Aufgabe',
        body: PasskeyLoginBody,
        response: { 200: LoginResponse, ...errors },
      },
    },
    async (request, reply) => {
      const started = await finish(request, { method: 'passkey', credential: request.body.credential });
      setSessionCookie(request, reply, started.sessionId, session.absoluteMs);
      return { user: started.user, step: 'signed-in' as const, methods: [] };
    },
  );

  app.post(
    '/auth/logout',
    // Also ends a login left half-way (password given, second factor not).
    {
      schema: {
        operationId: 'logout',
        security: [{ session: [] }],
        summary: 'Abmelden: beendet diese Sitzung',
        response: { 200: MeResponse, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!request.sessionId) return requireUser(request);
      app.repos.sessions.remove(request.sessionId);
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
        security: [],
        summary: 'Das angemeldete Konto (oder keins)',
        response: { 200: MeResponse },
      },
    },
    async (request) => ({
      user: request.user,
    }),
  );

  // The token is in the body, never in the address: addresses end up in logs.
  app.post(
    '/auth/password-link',
    {
      schema: {
        operationId: 'inspectPasswordLink',
        security: [],
        summary: 'Einladungs- oder Rücksetzlink prüfen: für wen, bis wann',
        body: LinkTokenBody,
        response: { 200: LinkInfo, 400: ErrorResponse, 410: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request) => inspectLink(app.accounts.context(), request.body.token, request.ip),
  );

  app.post(
    '/auth/password-link/password',
    {
      schema: {
        operationId: 'setPasswordByLink',
        security: [],
        summary: 'Passwort über einen Einladungs- oder Rücksetzlink festlegen (einmal)',
        body: SetPasswordBody,
        response: { 200: SetPasswordResponse, 400: ErrorResponse, 410: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request) => setPasswordByLink(app.accounts.context(), request.body, request.ip),
  );

  app.post(
    '/auth/password-reset',
    {
      schema: {
        operationId: 'requestPasswordReset',
        security: [],
        summary: 'Passwort vergessen: Rücksetzlink per E-Mail anfordern',
        body: ForgotPasswordBody,
        response: { 202: AcceptedResponse, 400: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      requestReset(app.accounts.context(), request.body.email, request.ip);
      return reply.status(202).send({
        message: 'Wenn es zu dieser Adresse ein Konto gibt, ist ein Link zum Zurücksetzen unterwegs. Er gilt 1 Stunde.',
      });
    },
  );
};
