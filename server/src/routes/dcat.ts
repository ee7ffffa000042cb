import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DataLicense } from '../lib/licenses.ts';
import { toJsonLd, toTurtle } from '../lib/rdf.ts';
import { textResponse } from '../lib/text-response.ts';
import { buildCatalog, DCAT_PREFIXES } from '../services/dcat.ts';

export type DcatOptions = { license: DataLicense; publisher: string | null; contact: string | null };

/**
 * GET /api/dcat: the DCAT-AP.de catalogue as JSON-LD, /api/dcat.ttl the same as Turtle. Every address
 * in it starts at the public origin, never at the request's Host. Every export's response names the
 * licence in a Link header (plugins/license.ts).
 */
export const dcatRoutes: FastifyPluginAsyncZod<DcatOptions> = async (app, opts) => {
  const catalog = () => buildCatalog(app.repos, { ...opts, base: app.publicOrigin });

  app.get(
    '/dcat',
    {
      schema: {
        operationId: 'getDcatCatalog',
        summary: 'Datenkatalog nach DCAT-AP.de (JSON-LD)',
        security: [],
        description: 'DCAT-AP.de-Katalog der Datensätze als JSON-LD (als Turtle: /api/dcat.ttl)',
        response: { 200: textResponse('application/ld+json', 'DCAT-AP.de-Katalog als JSON-LD') },
      },
    },
    async (_request, reply) =>
      reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(toJsonLd(catalog(), DCAT_PREFIXES))),
  );

  app.get(
    '/dcat.ttl',
    {
      schema: {
        operationId: 'getDcatCatalogTurtle',
        summary: 'Datenkatalog nach DCAT-AP.de (Turtle)',
        security: [],
        description: 'DCAT-AP.de-Katalog als Turtle',
        response: { 200: textResponse('text/turtle', 'DCAT-AP.de-Katalog als Turtle') },
      },
    },
    async (_request, reply) => reply.type('text/turtle; charset=utf-8').send(toTurtle(catalog(), DCAT_PREFIXES)),
  );
};
