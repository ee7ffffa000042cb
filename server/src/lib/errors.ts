import type { ErrorIssue } from '@zielmonitor/shared/schemas/error';
import type { StatusConflict } from '@zielmonitor/shared/schemas/status-update';

/** An error meant for the client: its status, code and message are sent as they are. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly conflict?: StatusConflict,
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new AppError(404, 'NOT_FOUND', message);

/** 400 for one field whose value is well-formed but names nothing we know. */
export const unknownValue = (location: string, field: string, message: string) =>
  new AppError(400, 'VALIDATION_ERROR', `${field}: ${message}`, [{ location, field, message }]);

/** 429: the error handler sends Retry-After with it. */
export class TooManyRequests extends AppError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, code, message);
  }
}
