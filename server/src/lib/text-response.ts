import { z } from 'zod';

/**
 * A response sent as text of its own media type (CSV, Atom feed). A string with a non-JSON content
 * type bypasses the JSON serializer; `contentMediaType` lets the OpenAPI document name the real type
 * (plugins/openapi.ts moves it there).
 */
export const textResponse = (
  mediaType: 'text/csv' | 'application/atom+xml' | 'text/turtle' | 'application/ld+json',
  description: string,
) => z.string().meta({ contentMediaType: mediaType, description });

export const CsvResponse = textResponse('text/csv', 'CSV für Excel (Semikolon, UTF-8 mit BOM)');
export const AtomResponse = textResponse('application/atom+xml', 'Atom-Feed (RFC 4287)');
