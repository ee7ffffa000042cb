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

/** 429 or 503 that tells the client when to try again (sent as Retry-After by the error handler). */
export class RetryLater extends AppError {
  constructor(
    statusCode: 429 | 503,
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(statusCode, code, message);
  }
}

export class TooManyRequests extends RetryLater {
  constructor(code: string, message: string, retryAfterSeconds: number) {
    super(429, code, message, retryAfterSeconds);
  }
}

export const notFound = (message: string) => new AppError(404, 'NOT_FOUND', message);

/** 400 for one field whose value is well-formed but names nothing we know. */
export const unknownValue = (location: string, field: string, message: string) =>
  new AppError(400, 'VALIDATION_ERROR', `${field}: ${message}`, [{ location, field, message }]);
