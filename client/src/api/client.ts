import type { z } from 'zod';
import type { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { currentLanguage } from '../lib/language.ts';
import { noteAnswer, noteNoAnswer } from '../lib/connection.ts';

/** A failed API call: the status and the server's error body, when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorResponse | null,
  ) {
    super(
      body?.error.message ??
        (currentLanguage() === 'en'
          ? status === 0
            ? 'The server cannot be reached.'
            : `Error ${status}`
          : status === 0
            ? 'Der Server ist nicht erreichbar.'
            : `Fehler ${status}`),
    );
  }

  /** Offline with nothing stored for this request: the service worker said so, or the browser is offline. */
  get nothingStored(): boolean {
    return this.body?.error.code === 'OFFLINE' || (this.status === 0 && !navigator.onLine);
  }
}

type Query = Record<string, unknown>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      if (value !== '') params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The one way the dashboard talks to the API: same origin, cookies included, and every
 * answer parsed with the shared schema, so a drifting server shows up as an error here.
 */
export async function api<S extends z.ZodType>(
  schema: S | (() => Promise<S>),
  path: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<z.infer<S>> {
  const { json, headers, ...rest } = init;
  // Schemas (and zod with them) load alongside the first answer, not with the first screen.
  const loading = typeof schema === 'function' ? schema() : Promise.resolve(schema);
  let response: Response;
  try {
    // The caller's headers win; they may come as an object, a list of pairs or a Headers.
    const merged = new Headers({ accept: 'application/json' });
    if (json !== undefined) merged.set('content-type', 'application/json');
    // The interface language: the server words its errors in it.
    merged.set('accept-language', currentLanguage());
    new Headers(headers).forEach((value, name) => {
      merged.set(name, value);
    });
    response = await fetch(path, {
      credentials: 'same-origin',
      ...rest,
      headers: merged,
      ...(json !== undefined && { body: JSON.stringify(json) }),
    });
  } catch {
    noteNoAnswer();
    throw new ApiError(0, null);
  }
  noteAnswer(response.headers);
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const { ErrorResponse: errorSchema } = await import('@zielmonitor/shared/schemas/error');
    const parsed = errorSchema.safeParse(body);
    throw new ApiError(response.status, parsed.success ? parsed.data : null);
  }
  return (await loading).parse(body);
}
