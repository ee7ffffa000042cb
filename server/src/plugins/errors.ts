import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorIssue, ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { AppError } from '../lib/errors.ts';

const LOCATIONS: Record<string, string> = { querystring: 'query', body: 'body', params: 'params', headers: 'headers' };

/** The one error handler: every failure leaves as `{ error: { code, message, issues? } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const location = LOCATIONS[err.validationContext ?? ''] ?? err.validationContext ?? 'request';
      const issues: ErrorIssue[] = err.validation.map((v) => {
        const issue = v.params.issue as { path?: PropertyKey[]; code?: string; keys?: string[] } | undefined;
        const path = (issue?.path ?? []).map(String);
        // An unknown key is named as the field itself, not as its parent object.
        const field = issue?.code === 'unrecognized_keys' && issue.keys
          ? [...path, issue.keys.join(', ')].join('.')
          : path.join('.') || v.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(root)';
        const message = issue?.code === 'unrecognized_keys' ? 'unbekanntes Feld' : v.message ?? 'ungültiger Wert';
        return { location, field, message };
      });
      const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      return reply.status(400).send(body('VALIDATION_ERROR', `Ungültige Anfrage – ${summary}`, issues));
    }
    if (err instanceof AppError) {
      if (err.statusCode >= 500) request.log.error({ err }, 'request failed');
      return reply.status(err.statusCode).send(body(err.code, err.message, err.issues));
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

function body(code: string, message: string, issues?: ErrorIssue[]): ErrorResponse {
  return { error: issues ? { code, message, issues } : { code, message } };
}
