import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccountResponse,
  ChangePasswordBody,
  CurrentPasswordBody,
  EndedResponse,
  EnrolledResponse,
  EnrolStartBody,
  FactorParams,
  PasskeyRegisterBody,
  RecoveryCodesResponse,
  SessionParams,
  SessionsResponse,
  TotpConfirmBody,
  TotpSetupResponse,
} from '@zielmonitor/shared/schemas/accounts';
import { PasskeyCreationOptions } from '@zielmonitor/shared/schemas/passkey';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { requireEnrolling, requireUser, setSessionCookie } from '../plugins/auth.ts';
import { AppError } from '../lib/errors.ts';
import { toUser, type UserRecord } from '../repositories/users.ts';
import { confirmPassword } from '../services/auth.ts';
import {
  accountOverview,
  addPasskey,
  confirmTotp,
  regenerateRecoveryCodes,
  removeFactor,
  startTotp,
} from '../services/enrolment.ts';
import { registrationOptions } from '../services/passkeys.ts';
import { startSession } from '../services/second-step.ts';
import { changePassword, endOtherSessions, endSession, listSessions } from '../services/self-service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse };

/**
 * "Mein Konto": what every signed-in person manages for themselves. Setting up a second factor
 * also works at the first login (a session at the `enrol` stage), and completes that login.
 */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { passwordGate, session } = app.accounts;

  /** The account behind the request: signed in, or enrolling at its first login. */
  const holder = (request: FastifyRequest): { record: UserRecord; enrolling: boolean; sessionId: string } => {
    const record = request.user ? app.repos.users.findById(request.user.id) : request.pending?.record;
    if (!record || !request.sessionId) throw new AppError(401, 'UNAUTHENTICATED', 'Bitte melden Sie sich an.');
    return { record, enrolling: request.user === null, sessionId: request.sessionId };
  };
  const actorOf = (request: FastifyRequest, record: UserRecord) => ({
    id: record.id,
    email: record.email,
    ip: request.ip,
  });

  /** Signed in, changes to how one signs in ask for the password again; while enrolling it was just given. */
  const reauthenticate = async (request: FastifyRequest, currentPassword: string | undefined) => {
    const { record, enrolling } = holder(request);
    if (enrolling) return;
    if (currentPassword === undefined) {
      const message = 'Bitte Ihr aktuelles Passwort angeben';
      throw new AppError(400, 'VALIDATION_ERROR', `currentPassword: ${message}`, [
        { location: 'body', field: 'currentPassword', message },
      ]);
    }
    await confirmPassword(app.db, app.repos, passwordGate, toUser(record), currentPassword, request.ip);
  };

  /** After the first factor at the first login: the login is complete, with a fresh session id. */
  const enrolled = (
    request: FastifyRequest,
    reply: FastifyReply,
    recoveryCodes: string[] | null,
    method: 'totp' | 'passkey',
  ) => {
    const { record, enrolling, sessionId } = holder(request);
    if (!enrolling) return { user: toUser(record), recoveryCodes };
    const started = startSession(
      app.accounts.context(),
      record,
      sessionId,
      method,
      { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
      session,
    );
    setSessionCookie(request, reply, started.sessionId, session.absoluteMs);
    return { user: started.user, recoveryCodes };
  };

  app.get(
    '/account',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'getAccount',
        security: [{ session: [] }],
        summary: 'Mein Konto: Passwort, zweite Faktoren, Wiederherstellungscodes',
        response: { 200: AccountResponse, 401: ErrorResponse },
      },
    },
    async (request) => accountOverview(app.accounts.context(), holder(request).record),
  );

  app.post(
    '/account/password',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'changePassword',
        security: [{ session: [] }],
        summary: 'Eigenes Passwort ändern (beendet alle anderen Sitzungen)',
        body: ChangePasswordBody,
        response: { 200: EndedResponse, ...errors },
      },
    },
    async (request) => {
      await reauthenticate(request, request.body.currentPassword);
      const { record, sessionId } = holder(request);
      return {
        ended: await changePassword(
          app.accounts.context(),
          record,
          sessionId,
          request.body.newPassword,
          actorOf(request, record),
        ),
      };
    },
  );

  app.post(
    '/account/totp',
    {
      onRequest: requireEnrolling,
      schema: {
        operationId: 'startTotp',
        security: [{ session: [] }],
        summary: 'Authenticator-App einrichten: neues Geheimnis (QR-Code)',
        body: EnrolStartBody,
        response: { 200: TotpSetupResponse, ...errors },
      },
    },
    async (request) => {
      await reauthenticate(request, request.body.currentPassword);
      return startTotp(app.accounts.context(), holder(request).record);
    },
  );

  app.post(
    '/account/totp/confirm',
    {
      onRequest: requireEnrolling,
      schema: {
        operationId: 'confirmTotp',
        security: [{ session: [] }],
        summary: 'Authenticator-App mit dem ersten Code bestätigen',
        body: TotpConfirmBody,
        response: { 200: EnrolledResponse, ...errors, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { record } = holder(request);
      const { recoveryCodes } = confirmTotp(app.accounts.context(), record, request.body, actorOf(request, record));
      return enrolled(request, reply, recoveryCodes, 'totp');
    },
  );

  app.post(
    '/account/passkeys/options',
    {
      onRequest: requireEnrolling,
      schema: {
        operationId: 'passkeyRegistrationOptions',
        security: [{ session: [] }],
        summary: 'Passkey einrichten: Aufgabe für den Browser',
        body: EnrolStartBody,
        response: { 200: PasskeyCreationOptions, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => {
      await reauthenticate(request, request.body.currentPassword);
      const { record, sessionId } = holder(request);
      return registrationOptions(app.repos, sessionId, record, app.publicOrigin);
    },
  );

  app.post(
    '/account/passkeys',
    {
      onRequest: requireEnrolling,
      schema: {
        operationId: 'registerPasskey',
        security: [{ session: [] }],
        summary: 'Passkey einrichten: neuen Passkey speichern',
        body: PasskeyRegisterBody,
        response: { 200: EnrolledResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { record, sessionId } = holder(request);
      const { recoveryCodes } = await addPasskey(
        app.accounts.context(),
        record,
        sessionId,
        request.body,
        actorOf(request, record),
      );
      return enrolled(request, reply, recoveryCodes, 'passkey');
    },
  );

  app.post(
    '/account/factors/:id/remove',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'removeFactor',
        security: [{ session: [] }],
        summary: 'Einen eigenen zweiten Faktor entfernen',
        params: FactorParams,
        body: CurrentPasswordBody,
        response: { 200: AccountResponse, ...errors, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => {
      await reauthenticate(request, request.body.currentPassword);
      const ctx = app.accounts.context();
      const { record } = holder(request);
      removeFactor(ctx, record, request.params.id, actorOf(request, record));
      return accountOverview(ctx, record);
    },
  );

  app.post(
    '/account/recovery-codes',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'newRecoveryCodes',
        security: [{ session: [] }],
        summary: 'Neue Wiederherstellungscodes (die alten gelten nicht mehr)',
        body: CurrentPasswordBody,
        response: { 200: RecoveryCodesResponse, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => {
      await reauthenticate(request, request.body.currentPassword);
      const { record } = holder(request);
      return { recoveryCodes: regenerateRecoveryCodes(app.accounts.context(), record, actorOf(request, record)) };
    },
  );

  app.get(
    '/account/sessions',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'listSessions',
        security: [{ session: [] }],
        summary: 'Eigene Sitzungen: wo und seit wann angemeldet',
        response: { 200: SessionsResponse, 401: ErrorResponse },
      },
    },
    async (request) => ({
      items: listSessions(app.accounts.context(), holder(request).record.id, request.session?.publicId ?? null),
    }),
  );

  app.post(
    '/account/sessions/:id/end',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'endSession',
        security: [{ session: [] }],
        summary: 'Eine eigene Sitzung beenden',
        params: SessionParams,
        response: { 200: EndedResponse, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const { record } = holder(request);
      endSession(app.accounts.context(), record.id, request.params.id, actorOf(request, record));
      return { ended: 1 };
    },
  );

  app.post(
    '/account/sessions/end-others',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'endOtherSessions',
        security: [{ session: [] }],
        summary: 'Alle eigenen Sitzungen außer dieser beenden',
        response: { 200: EndedResponse, 401: ErrorResponse },
      },
    },
    async (request) => {
      const { record, sessionId } = holder(request);
      return { ended: endOtherSessions(app.accounts.context(), record.id, sessionId, actorOf(request, record)) };
    },
  );
};
