import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DataLicense } from '../lib/licenses.ts';
import { toJsonLd, toTurtle } from '../lib/rdf.ts';
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
        description: 'DCAT-AP.de-Katalog der Datensätze als JSON-LD (als Turtle: /api/dcat.ttl)',
        response: { 200: z.unknown() },
      },
    },
    async (_request, reply) =>
      reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(toJsonLd(catalog(), DCAT_PREFIXES))),
  );

  app.get(
    '/dcat.ttl',
    { schema: { description: 'DCAT-AP.de-Katalog als Turtle', response: { 200: z.string() } } },
    async (_request, reply) => reply.type('text/turtle; charset=utf-8').send(toTurtle(catalog(), DCAT_PREFIXES)),
  );
};
