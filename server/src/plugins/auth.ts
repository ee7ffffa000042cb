import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import fastifyCookie from '@fastify/cookie';
import type { User } from '@zielmonitor/shared/schemas/auth';
import { AppError } from '../lib/errors.ts';
import { isHttpsOrigin } from '../lib/links.ts';
import { userForSession, type SessionPolicy } from '../services/auth.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    sessionId: string | null;
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
export const authPlugin = fp<{ session: SessionPolicy; publicOrigin: string | undefined }>(
  async (app, opts) => {
    await app.register(fastifyCookie);
    app.decorateRequest('user', null);
    app.decorateRequest('sessionId', null);

    app.addHook('onRequest', async (request) => {
      if (!SAFE_METHODS.has(request.method)) {
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
        request.user = userForSession(app.repos, sessionId, opts.session);
        request.sessionId = request.user ? sessionId : null;
      }
    });

    app.addHook('onSend', async (request, reply) => {
      // Anything answered to a logged-in user may be personal: never cache it.
      if (request.user) reply.header('Cache-Control', 'no-store');
    });
  },
  { name: 'auth', dependencies: ['db'] },
);

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
