import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import fastifyCookie from '@fastify/cookie';
import type { User } from '@zielmonitor/shared/schemas/auth';
import { AppError } from '../lib/errors.ts';
import { isHttpsOrigin } from '../lib/links.ts';
import { resolveSession, type ResolvedSession, type SessionPolicy } from '../services/auth.ts';
import type { StoredSession } from '../repositories/sessions.ts';

/** A session whose password step is done and whose second step is still open. */
export type PendingLogin = Exclude<ResolvedSession, { stage: 'signed-in' }>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account; null for the public and for a login still at its second step. */
    user: User | null;
    /** The cookie value of the session (signed in or pending). */
    sessionId: string | null;
    /** The signed-in session itself (its public id marks "this session" in the list). */
    session: StoredSession | null;
    /** A login between password and second factor: only the second-step routes accept it. */
    pending: PendingLogin | null;
  }
  interface FastifyContextConfig {
    /**
     * A write authorised by a token in its address alone, never by a cookie, that other sites'
     * servers send (RFC 8058 one-click unsubscribe): exempt from the same-origin rule.
     */
    allowCrossSite?: true;
  }
}

const SESSION_COOKIE = 'zm_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The origin a same-site browser writes in Origin: PUBLIC_ORIGIN when configured; without it
 * (development, loopback) the origin this request was addressed to.
 */
const ownOrigin = (request: FastifyRequest, configured: string | undefined) =>
  configured ?? `${request.protocol}://${request.host}`;

/** Cookies are Secure whenever the public origin is https, whatever the hop to this process. */
const isSecure = (request: FastifyRequest) =>
  isHttpsOrigin(request.server.publicOrigin) || request.protocol === 'https';

/**
 * Sessions from the cookie, and the same-origin rule for every state-changing request:
 * a browser sends Origin (or Sec-Fetch-Site) with such requests, so a page on another
 * site cannot make a logged-in controller's browser write.
 */
export const authPlugin = fp<{ session: SessionPolicy; publicOrigin: string | undefined; mfaRequired: boolean }>(
  async (app, opts) => {
    await app.register(fastifyCookie);
    app.decorateRequest('user', null);
    app.decorateRequest('sessionId', null);
    app.decorateRequest('session', null);
    app.decorateRequest('pending', null);

    app.addHook('onRequest', async (request) => {
      if (!SAFE_METHODS.has(request.method) && request.routeOptions.config.allowCrossSite !== true) {
        const site = request.headers['sec-fetch-site'];
        const origin = request.headers.origin;
        if (site !== 'same-origin' && origin !== ownOrigin(request, opts.publicOrigin)) {
          request.log.warn({ origin, site, url: request.url }, 'cross-origin write refused');
          throw new AppError(
            403,
            'CROSS_ORIGIN',
            'Schreibende Anfragen sind nur von dieser Seite aus erlaubt (Origin-Kopfzeile fehlt oder ist fremd).',
          );
        }
      }
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) {
        const resolved = resolveSession(app.repos, sessionId, opts.session, opts);
        if (resolved?.stage === 'signed-in') {
          request.user = resolved.user;
          request.session = resolved.session;
        } else if (resolved) request.pending = resolved;
        request.sessionId = resolved ? sessionId : null;
      }
    });

    app.addHook('onSend', async (request, reply) => {
      // Anything answered to a logged-in user (or one half-way through logging in) may be personal: never cache it.
      if (request.user || request.pending) reply.header('Cache-Control', 'no-store');
    });
  },
  { name: 'auth', dependencies: ['db'] },
);

/**
 * The account of a request that requireUser or requireAdmin let through. Without one here the route
 * was wired without its guard: a programming error, never the client's.
 */
export function signedInUser(request: FastifyRequest): User {
  if (!request.user) throw new Error(`${request.url}: a route for accounts answered without requireUser`);
  return request.user;
}

export async function requireUser(request: FastifyRequest): Promise<void> {
  if (!request.user) {
    request.log.warn({ url: request.url }, 'authorization failed: no session');
    throw new AppError(401, 'UNAUTHENTICATED', 'Bitte melden Sie sich an.');
  }
}

export async function requireAdmin(request: FastifyRequest): Promise<void> {
  await requireUser(request);
  if (request.user?.role !== 'admin') {
    request.log.warn({ url: request.url, user: request.user?.email }, 'authorization failed: admin only');
    throw new AppError(403, 'FORBIDDEN', 'Nur für Administratorinnen und Administratoren.');
  }
}

/**
 * Routes of the second step: a login whose password was checked and whose session is at `stage`
 * (or, with `orSignedIn`, a signed-in user, who manages factors through the same routes).
 */
export const requirePending =
  (stages: readonly PendingLogin['stage'][]) =>
  async (request: FastifyRequest): Promise<void> => {
    if (request.pending && stages.includes(request.pending.stage)) return;
    request.log.warn({ url: request.url }, 'authorization failed: no login at this step');
    throw new AppError(
      401,
      'LOGIN_STEP_EXPIRED',
      'Die Anmeldung ist abgelaufen oder nicht an diesem Schritt. Bitte melden Sie sich neu an.',
    );
  };

/** Setting up a second factor: at the first login (stage enrol) or signed in. */
export async function requireEnrolling(request: FastifyRequest): Promise<void> {
  if (request.user || request.pending?.stage === 'enrol') return;
  if (request.pending) return requirePending(['enrol'])(request);
  return requireUser(request);
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  sessionId: string,
  maxAgeMs: number,
): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecure(request),
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecure(request),
  });
}
