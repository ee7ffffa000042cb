import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { completeDocument, isOpenapi31 } from '../lib/openapi-document.ts';

export type OpenapiOptions = {
  /** The origin the API is published under (PUBLIC_ORIGIN); unknown, the document names its own origin. */
  publicOrigin: string | null;
};

/**
 * OpenAPI 3.1 generated from the routes' zod schemas: /api/openapi.json and docs at /api/docs.
 * 3.1 because its schemas are JSON Schema 2020-12, which says what zod means (a nullable enum is
 * `anyOf [enum, null]`); 3.0's `nullable` cannot say that for an enum.
 */
export const openapiPlugin = fp<OpenapiOptions>(
  async (app, opts) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Zielmonitor API',
          description:
            'Ziele der Digitalstrategie NRW 1.0 (2019) und 2.0 (2021): Status, Verlauf, Quellen, Kennzahlen.',
          version: '1.0.0',
        },
        // A relative server URL is the origin the document was fetched from.
        servers: [{ url: opts.publicOrigin ?? '/', description: 'Zielmonitor' }],
        components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zm_session' } } },
      },
      transform: jsonSchemaTransform,
      transformObject: (document) => {
        if (!('openapiObject' in document)) return document.swaggerObject;
        const { openapiObject } = document;
        return isOpenapi31(openapiObject) ? completeDocument(openapiObject) : openapiObject;
      },
    });
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      // The docs are served over plain HTTP on loopback too: no upgrade to https, no framing.
      transformStaticCSP: (header) =>
        header.replace('upgrade-insecure-requests;', '').replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
      transformSpecificationClone: true,
    });
    // Generated once while starting (zod to JSON Schema for every route takes ~60 ms): the first
    // request for the description would otherwise hold up every other request that long.
    app.addHook('onReady', async () => {
      app.swagger();
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
