import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateUserBody,
  UpdateUserBody,
  UserParams,
  UserResponse,
  UsersResponse,
  UserWithLinkResponse,
} from '@zielmonitor/shared/schemas/accounts';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { requireAdmin, signedInUser } from '../plugins/auth.ts';
import {
  disableUser,
  enableUser,
  endSessions,
  inviteUser,
  listUsers,
  resendInvitation,
  resetSecondFactor,
  sendPasswordReset,
  updateUser,
} from '../services/accounts.ts';
import type { AccountActor, AccountContext } from '../services/account-context.ts';
import type { z } from 'zod';

const denied = { 401: ErrorResponse, 403: ErrorResponse };
const onUser = { 400: ErrorResponse, ...denied, 404: ErrorResponse, 409: ErrorResponse };

/** User administration in the browser: admins only; the CLI (scripts/user.ts) uses the same service. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const actor = (request: FastifyRequest): AccountActor => {
    const user = signedInUser(request);
    return { id: user.id, email: user.email, ip: request.ip };
  };

  app.get(
    '/users',
    {
      onRequest: requireAdmin,
      schema: {
        operationId: 'listUsers',
        security: [{ session: [] }],
        summary: 'Alle Konten mit Rolle, Zustand, letzter Anmeldung und zweitem Faktor',
        response: { 200: UsersResponse, ...denied },
      },
    },
    async () => ({
      items: listUsers(app.repos),
      mailConfigured: app.mail.configured,
      mfaRequired: app.accounts.mfaRequired,
    }),
  );

  app.post(
    '/users',
    {
      onRequest: requireAdmin,
      schema: {
        operationId: 'inviteUser',
        security: [{ session: [] }],
        summary: 'Konto anlegen und einladen (Link per E-Mail oder zum Weitergeben)',
        body: CreateUserBody,
        response: { 201: UserWithLinkResponse, 400: ErrorResponse, ...denied, 409: ErrorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(inviteUser(app.accounts.context(), actor(request), request.body)),
  );

  app.patch(
    '/users/:id',
    {
      onRequest: requireAdmin,
      schema: {
        operationId: 'updateUser',
        security: [{ session: [] }],
        summary: 'Name, Rolle, Ressorts oder Organisation eines Kontos ändern',
        params: UserParams,
        body: UpdateUserBody,
        response: { 200: UserResponse, ...onUser },
      },
    },
    async (request) => ({ user: updateUser(app.accounts.context(), actor(request), request.params.id, request.body) }),
  );

  type Result = z.infer<typeof UserResponse> | z.infer<typeof UserWithLinkResponse>;
  type Run = (ctx: AccountContext, by: AccountActor, id: number) => Result;
  type Action = [
    path: string,
    operationId: string,
    summary: string,
    run: Run,
    response: typeof UserResponse | typeof UserWithLinkResponse,
  ];
  const actions: Action[] = [
    [
      'disable',
      'disableUser',
      'Konto sperren (beendet alle Sitzungen, Links gelten nicht mehr)',
      (c, a, id) => ({ user: disableUser(c, a, id) }),
      UserResponse,
    ],
    [
      'enable',
      'enableUser',
      'Gesperrtes Konto entsperren',
      (c, a, id) => ({ user: enableUser(c, a, id) }),
      UserResponse,
    ],
    [
      'end-sessions',
      'endUserSessions',
      'Alle Sitzungen eines Kontos beenden',
      (c, a, id) => ({ user: endSessions(c, a, id) }),
      UserResponse,
    ],
    [
      'reset-second-factor',
      'resetUserSecondFactor',
      'Zweiten Faktor zurücksetzen: bei der nächsten Anmeldung neu einrichten',
      (c, a, id) => ({ user: resetSecondFactor(c, a, id) }),
      UserResponse,
    ],
    [
      'invitation',
      'resendInvitation',
      'Einladung erneut senden (neuer Link, der alte gilt nicht mehr)',
      resendInvitation,
      UserWithLinkResponse,
    ],
    [
      'password-reset',
      'sendPasswordReset',
      'Link zum Zurücksetzen des Passworts senden (1 Stunde gültig)',
      sendPasswordReset,
      UserWithLinkResponse,
    ],
  ];
  for (const [path, operationId, summary, run, response] of actions) {
    app.post(
      `/users/:id/${path}`,
      {
        onRequest: requireAdmin,
        schema: {
          operationId,
          summary,
          security: [{ session: [] }],
          params: UserParams,
          response: { 200: response, ...onUser },
        },
      },
      async (request) => run(app.accounts.context(), actor(request), request.params.id),
    );
  }
};
