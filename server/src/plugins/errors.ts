import type { FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorIssue, ErrorResponse } from '@zielmonitor/shared/schemas/error';
import type { StatusConflict } from '@zielmonitor/shared/schemas/status-update';
import { AppError } from '../lib/errors.ts';

/** Whatever a route or plugin throws: Fastify's own errors carry a code and a status, others may not. */
type ThrownError = Error & { code?: string; statusCode?: number };

const LOCATIONS: Record<string, string> = { querystring: 'query', body: 'body', params: 'params', headers: 'headers' };

/** The one error handler: every failure leaves as `{ error: { code, message, issues? } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: ThrownError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const location = LOCATIONS[err.validationContext ?? ''] ?? err.validationContext ?? 'request';
      const issues: ErrorIssue[] = err.validation.map((v) => {
        const path = v.instancePath.split('/').filter(Boolean);
        const keys = (v.params as { keys?: unknown }).keys;
        // An unknown key is named as the field itself, not as its parent object.
        if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
          return { location, field: [...path, keys.join(', ')].join('.'), message: 'unbekanntes Feld' };
        }
        return { location, field: path.join('.') || '(gesamt)', message: v.message ?? 'ungültiger Wert' };
      });
      const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      return reply.status(400).send(body('VALIDATION_ERROR', `Ungültige Anfrage – ${summary}`, issues));
    }
    if (err instanceof AppError) {
      if (err.statusCode >= 500) request.log.error({ err }, 'request failed');
      return reply.status(err.statusCode).send(body(err.code, err.message, err.issues, err.conflict));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, wrong content type, body too large) are safe to show.
      return reply.status(status).send(body(err.code ?? 'BAD_REQUEST', err.message));
    }
    request.log.error({ err }, 'request failed');
    return reply.status(500).send(body('INTERNAL_ERROR', 'Interner Fehler. Bitte später erneut versuchen.'));
  });
}

function body(code: string, message: string, issues?: ErrorIssue[], conflict?: StatusConflict): ErrorResponse {
  return { error: { code, message, ...(issues && { issues }), ...(conflict && { conflict }) } };
}
