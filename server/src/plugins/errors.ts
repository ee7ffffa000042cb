import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorIssue, ErrorResponse } from '@zielmonitor/shared/schemas/error';
import type { StatusConflict } from '@zielmonitor/shared/schemas/status-update';
import { validationMessage, type IssueFacts } from '@zielmonitor/shared/schemas/validation-messages';
import { AppError, RetryLater } from '../lib/errors.ts';
import { englishErrorText, ISSUE_TEXT_EN } from '../lib/error-text.ts';
import { isBusy, isUnwritable } from '../lib/sqlite-errors.ts';

/** Whatever a route or plugin throws: Fastify's own errors carry a code and a status, others may not. */
type ThrownError = Error & { code?: string; statusCode?: number };

const LOCATIONS: Record<string, string> = { querystring: 'query', body: 'body', params: 'params', headers: 'headers' };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Said on 413 instead of the plain byte limit, e.g. the import's row limit too. */
    tooLargeMessage?: string;
  }
}

const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString('de-DE')} MiB` : `${Math.round(bytes / 1024)} KiB`;

/** Fastify's own client errors, said in German (its messages are English and name internals). */
function clientErrorMessage(err: ThrownError, request: FastifyRequest): string {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return (
        request.routeOptions.config.tooLargeMessage ??
        `Der Inhalt ist zu groß: höchstens ${formatBytes(request.routeOptions.bodyLimit)} je Anfrage.`
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'Der Inhalt ist kein gültiges JSON.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'Der Inhalt fehlt, obwohl application/json angegeben ist.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
    case 'FST_ERR_CTP_EMPTY_TYPE':
      return `Dieser Inhaltstyp wird hier nicht angenommen: ${request.headers['content-type'] ?? '(keiner)'}.`;
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'Die Länge des Inhalts stimmt nicht mit Content-Length überein.';
    default:
      return 'Die Anfrage ist ungültig.';
  }
}

/** The English interface sends Accept-Language: en; everything else is answered in German. */
const englishWanted = (request: FastifyRequest) => /^en\b/i.test(request.headers['accept-language'] ?? '');

/**
 * A validation message in English: the generic ones (worded by validation-messages.ts, German at
 * parse time) are worded again; a message a schema sets itself is German only and stays so.
 */
function inEnglish(facts: IssueFacts, german: string | undefined): string {
  for (const input of [undefined, null]) {
    if (validationMessage({ ...facts, input }, 'de') === german) return validationMessage({ ...facts, input }, 'en');
  }
  return german ?? validationMessage(facts, 'en');
}

/** The one error handler: every failure leaves as `{ error: { code, message, issues? } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: ThrownError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const location = LOCATIONS[err.validationContext ?? ''] ?? err.validationContext ?? 'request';
      const english = englishWanted(request);
      const issues: ErrorIssue[] = err.validation.map((v) => {
        const path = v.instancePath.split('/').filter(Boolean);
        const keys = (v.params as { keys?: unknown }).keys;
        const facts: IssueFacts = { ...v.params, code: v.keyword };
        // An unknown key is named as the field itself, not as its parent object.
        if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
          const message = validationMessage(facts, english ? 'en' : 'de');
          return { location, field: [...path, keys.join(', ')].join('.'), message };
        }
        const message = english ? inEnglish(facts, v.message) : (v.message ?? validationMessage(facts, 'de'));
        return { location, field: path.join('.') || (english ? '(whole request)' : '(gesamt)'), message };
      });
      const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      const intro = english ? 'Invalid request' : 'Ungültige Anfrage';
      return reply.status(400).send(body('VALIDATION_ERROR', `${intro} – ${summary}`, issues));
    }
    const english = englishWanted(request);
    // German is written where an error is raised; English is the code's sentence (lib/error-text.ts).
    const say = (code: string, german: string) => (english ? englishErrorText(code) : german);
    if (err instanceof AppError) {
      if (err.statusCode >= 500) request.log.error({ err }, 'request failed');
      if (err instanceof RetryLater) reply.header('Retry-After', String(err.retryAfterSeconds));
      const issues = english ? err.issues?.map((issue) => ({ ...issue, message: ISSUE_TEXT_EN })) : err.issues;
      return reply.status(err.statusCode).send(body(err.code, say(err.code, err.message), issues, err.conflict));
    }
    // Another connection holds the write lock (a backup, a restore, the user CLI) beyond the short
    // busy timeout: nothing was written, and the same request will do in a moment.
    if (isBusy(err)) {
      request.log.warn({ err, url: request.url }, 'database busy');
      return reply
        .status(503)
        .header('Retry-After', '1')
        .send(
          body(
            'DATABASE_BUSY',
            say('DATABASE_BUSY', 'Die Datenbank ist gerade belegt. Bitte in einer Sekunde erneut versuchen.'),
          ),
        );
    }
    if (isUnwritable(err)) {
      request.log.error({ err, url: request.url }, 'database cannot be written');
      request.server.databaseHealth.markUnwritable();
      return reply
        .status(503)
        .header('Retry-After', '60')
        .send(
          body(
            'DATABASE_UNWRITABLE',
            say('DATABASE_UNWRITABLE', 'Änderungen sind gerade nicht möglich: die Datenbank ist nicht beschreibbar.'),
          ),
        );
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = err.code ?? 'BAD_REQUEST';
      return reply.status(status).send(body(code, say(code, clientErrorMessage(err, request))));
    }
    request.log.error({ err }, 'request failed');
    return reply
      .status(500)
      .send(body('INTERNAL_ERROR', say('INTERNAL_ERROR', 'Interner Fehler. Bitte später erneut versuchen.')));
  });
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (an oversized header, a malformed
 * request line, a request that took too long to arrive): answered in the one error shape too,
 * then the connection is closed, as Node itself does. Fastify's default sends its own shape.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  // The client went away: there is nobody to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'Die Kopfzeilen der Anfrage sind zu groß (höchstens 16 KiB).']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'Die Anfrage kam nicht rechtzeitig vollständig an.']
        : [400, 'BAD_REQUEST', 'Die Anfrage ist kein gültiges HTTP.'];
  const json = JSON.stringify(body(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(json)}\r\n` +
        'X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n' +
        json,
    );
  }
  socket.destroy();
}

function body(code: string, message: string, issues?: ErrorIssue[], conflict?: StatusConflict): ErrorResponse {
  return { error: { code, message, ...(issues && { issues }), ...(conflict && { conflict }) } };
}
