import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI 3 generated from the routes' zod schemas: /api/openapi.json and docs at /api/docs. */
export const openapiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Zielmonitor API',
          description:
            'Ziele der Digitalstrategie NRW 1.0 (2019) und 2.0 (2021): Status, Verlauf, Quellen, Kennzahlen.',
          version: '1.0.0',
        },
        components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zm_session' } } },
      },
      transform: jsonSchemaTransform,
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
