import type { OpenAPIV3_1 } from 'openapi-types';

type Document = Partial<Pick<OpenAPIV3_1.Document, 'paths'>>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export function isOpenapi31<D extends { openapi?: string }>(
  document: D,
): document is Extract<D, Partial<OpenAPIV3_1.Document>> {
  return document.openapi?.startsWith('3.1') === true;
}

/** The generated document, finished where the generator cannot say what the routes mean. */
export function completeDocument<D extends Document>(document: D): D {
  documentTextResponses(document);
  nameRecordKeys(document);
  return document;
}

/**
 * Responses sent as text (CSV, Atom) are declared as strings with a `contentMediaType`
 * (lib/text-response.ts); the generator lists every response as application/json. Here each such
 * response is documented under its real media type.
 */
function documentTextResponses(document: Document): void {
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of METHODS) {
      for (const response of Object.values(item?.[method]?.responses ?? {})) {
        if ('$ref' in response) continue;
        const schema = response.content?.['application/json']?.schema;
        if (!schema || '$ref' in schema || schema.contentMediaType === undefined) continue;
        const { contentMediaType, description, ...text } = schema;
        response.description = description ?? response.description;
        response.content = { [contentMediaType]: { schema: text } };
      }
    }
  }
}

/**
 * A record over an enum (a count per status, per fate) is generated as `propertyNames` with every
 * key `required` but no `properties`: the keys are named here as properties, so the schema lists
 * the fields a client can rely on.
 */
function nameRecordKeys(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) nameRecordKeys(child);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const child of Object.values(node)) nameRecordKeys(child);
  if (!('propertyNames' in node) || 'properties' in node || !('additionalProperties' in node)) return;
  const { propertyNames, additionalProperties } = node;
  if (typeof propertyNames !== 'object' || propertyNames === null || !('enum' in propertyNames)) return;
  if (!Array.isArray(propertyNames.enum)) return;
  const keys = propertyNames.enum.filter((key): key is string => typeof key === 'string');
  Object.assign(node, { properties: Object.fromEntries(keys.map((key) => [key, additionalProperties])) });
}
