import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import {
  ConfirmResponse,
  SubscribeBody,
  SubscribeResponse,
  TokenBody,
  TokenParams,
  UnsubscribeBody,
  UnsubscribeLookup,
  UnsubscribeResponse,
} from '@zielmonitor/shared/schemas/subscription';
import { AppError } from '../lib/errors.ts';
import { limitPerAddress } from '../plugins/rate-limit.ts';
import { LIMITS } from '../services/limits.ts';
import { confirmSubscription, lookupUnsubscribe, requestSubscription, unsubscribe } from '../services/subscriptions.ts';

const notConfigured = () =>
  new AppError(
    404,
    'MAIL_NOT_CONFIGURED',
    'Benachrichtigungen per E-Mail sind in dieser Installation nicht eingerichtet.',
  );

/** Subscriptions: ask (double opt-in), confirm, see and end what an unsubscribe link stands for. */
export const subscriptionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/subscriptions',
    {
      // Counted before the body is read: refused and malformed requests count too.
      onRequest: limitPerAddress(LIMITS.subscriptionsPerAddress),
      schema: {
        operationId: 'subscribe',
        summary:
          'Ziel, Ressort, Kennzahl oder ganze Strategieversion per E-Mail abonnieren (sofort oder täglich; Bestätigung per Link)',
        security: [],
        body: SubscribeBody,
        response: { 202: SubscribeResponse, 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const mail = app.mail;
      if (!mail.configured) throw notConfigured();
      const context = { db: app.db, repos: app.repos, mail, origin: app.publicOrigin };
      return reply.status(202).send(requestSubscription(context, request.body));
    },
  );

  app.post(
    '/subscriptions/confirm',
    {
      schema: {
        operationId: 'confirmSubscription',
        summary: 'Abonnement mit dem Link aus der Bestätigungs-E-Mail bestätigen (gilt 48 Stunden)',
        security: [],
        body: TokenBody,
        response: { 200: ConfirmResponse, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => confirmSubscription(app, request.body.token),
  );

  app.get(
    '/subscriptions/unsubscribe/:token',
    {
      schema: {
        operationId: 'lookupUnsubscribe',
        summary: 'Was ein Abmeldelink beendet: die Abonnements, für die die E-Mail verschickt wurde',
        security: [],
        params: TokenParams,
        response: { 200: UnsubscribeLookup, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      // Personal (a shortened address): never kept by a cache.
      reply.header('Cache-Control', 'no-store');
      return lookupUnsubscribe(app.repos, request.params.token);
    },
  );

  app.post(
    '/subscriptions/unsubscribe/:token',
    {
      schema: {
        operationId: 'unsubscribe',
        summary: 'Abonnements beenden (all: alle dieser Adresse); die Adresse wird gelöscht',
        security: [],
        params: TokenParams,
        body: UnsubscribeBody,
        response: { 200: UnsubscribeResponse, 400: ErrorResponse },
      },
    },
    async (request) => unsubscribe(app, request.params.token, request.body.all),
  );
};

/**
 * RFC 8058 one-click unsubscribe: mail programs POST `List-Unsubscribe=One-Click` to the address in
 * the List-Unsubscribe header, from their own servers — without Origin, with a form body. The token in
 * the address is the whole authorisation; a GET of the same address is the dashboard's page, which
 * asks before it ends anything (link scanners follow GETs).
 */
export const oneClickUnsubscribeRoute: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    ['application/x-www-form-urlencoded', 'multipart/form-data'],
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, body, done) => done(null, body),
  );
  app.post(
    '/abo/abmelden/:token',
    {
      config: { allowCrossSite: true },
      schema: {
        operationId: 'oneClickUnsubscribe',
        summary: 'Abmelden mit einem Klick aus dem E-Mail-Programm (RFC 8058, List-Unsubscribe-Post)',
        security: [],
        params: TokenParams,
        response: { 200: z.string(), 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { removed } = unsubscribe(app, request.params.token, false);
      return reply
        .type('text/plain; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .send(
          removed > 0
            ? 'Abgemeldet. Sie erhalten dafür keine E-Mails mehr; Ihre Adresse ist gelöscht.'
            : 'Dieses Abonnement besteht nicht mehr.',
        );
    },
  );
};
