/**
 * What each error code says to a reader of the English interface (it sends Accept-Language: en).
 * The German message is written where the error is raised, with its particulars; the English one
 * is the code's sentence here — one home, so that no code reaches the English interface in German.
 * server/test/error-text.test.ts fails when the server can answer a code that has no sentence here.
 */
export const ERROR_TEXT_EN = {
  VALIDATION_ERROR: 'Invalid request: a value is missing or not accepted here.',
  BAD_REQUEST: 'The request is invalid.',
  NOT_FOUND: 'Not found: there is nothing at this address.',
  UNAUTHENTICATED: 'Please sign in first.',
  INVALID_CREDENTIALS: 'The e-mail address or the password is wrong.',
  FORBIDDEN: 'Your account may not do this.',
  CONFLICT: 'Something changed meanwhile: please reload and check before you save again.',
  ALREADY_SUPERSEDED: 'This entry has already been corrected or withdrawn.',
  ALREADY_DECIDED: 'This submission has already been released or returned.',
  ALREADY_ANSWERED: 'There is already a reply to this entry from your side.',
  ALREADY_CLOSED: 'This has already been closed.',
  SUPERSEDED: 'This entry has been corrected or withdrawn; a reply belongs to the version in force.',
  ALREADY_REPLIED: 'There is already a reply from your side; it can be corrected or withdrawn, not given twice.',
  WRONG_TRACK: 'Your account writes in the other track: the government reports, independent voices assess.',
  NO_LONGER_VALID: 'This reading can no longer be released as it is; please return the submission with this reason.',
  CROSS_ORIGIN: 'Changes are accepted only from this site (the Origin header is missing or foreign).',
  MAIL_NOT_CONFIGURED: 'E-mail notifications are not set up in this installation.',
  IMPORT_BUSY: 'Another import is running. Please try again in a moment.',
  IMPORT_REJECTED: 'Import refused, nothing was written: see the rows named.',
  IMPORT_CONFLICT: 'The import conflicts with a change made meanwhile; nothing was written.',
  OWN_SUBMISSION: 'A second person has to release this: nobody releases their own submission.',
  IMPORT_TOO_LARGE: 'The file is too large to import.',
  TOO_MANY_ATTEMPTS: 'Too many failed sign-ins. Please try again later.',
  QUOTA_EXCEEDED: 'The limit for this has been reached. Please try again later.',
  RATE_LIMITED: 'Too many requests. Please try again in a moment.',
  OVERLOADED: 'The server is busy right now. Please try again in a few seconds.',
  NOT_READY: 'The server is starting or stopping. Please try again in a moment.',
  DATABASE_BUSY: 'The database is busy right now. Please try again in a second.',
  DATABASE_UNWRITABLE: 'Changes are not possible right now: the database cannot be written.',
  HEADERS_TOO_LARGE: 'The request headers are too large (at most 16 KiB).',
  REQUEST_TIMEOUT: 'The request did not arrive completely in time.',
  INTERNAL_ERROR: 'Internal error. Please try again later.',
  LOGIN_STEP_EXPIRED: 'The sign-in has expired or is not at this step. Please sign in again.',
  WRONG_PASSWORD: 'The current password is wrong.',
  WEAK_PASSWORD: 'This password does not meet the rules for passwords.',
  NO_TOTP_SETUP: 'Please start setting up the authenticator app again.',
  INVALID_CODE: 'The code is wrong or has already been used.',
  LAST_FACTOR: 'This is your only second factor, and your account needs one. Set up another one first.',
  NO_FACTOR: 'Recovery codes come only with a second factor.',
  PASSKEY_REFUSED: 'The passkey was not accepted.',
  PASSKEYS_UNAVAILABLE: 'Passkeys need an address with a host name; please use an authenticator app.',
  NO_PASSKEY: 'No passkey is set up for this account.',
  LINK_INVALID:
    'This link is no longer valid: it has been used, has expired or was replaced by a newer one. Please ask the administration or request a new one.',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_TEXT_EN;

/** A field's problem in English where the server worded it in German itself (not a generic zod message). */
export const ISSUE_TEXT_EN = 'is not accepted here';

const isKnown = (code: string): code is ErrorCode => Object.hasOwn(ERROR_TEXT_EN, code);

/** The English sentence of a code; a code from Fastify itself (FST_…) is a bad request. */
export const englishErrorText = (code: string): string =>
  isKnown(code) ? ERROR_TEXT_EN[code] : ERROR_TEXT_EN.BAD_REQUEST;
