import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { GoalParams } from '@zielmonitor/shared/schemas/goal';
import { IndicatorParams } from '@zielmonitor/shared/schemas/indicator';
import { notFound } from '../lib/errors.ts';
import { AtomResponse } from '../lib/text-response.ts';
import { renderEntryFeed } from '../lib/entry-feed.ts';
import { absoluteUrl } from '../lib/links.ts';
import { goalFeedEntries, indicatorFeedEntries } from '../services/entry-feeds.ts';

const ATOM = 'application/atom+xml; charset=utf-8';

/** Atom feeds of one goal and of one indicator, beside the per-Ressort feed of the changes. */
export const entryFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/feeds/goals/:id.atom',
    {
      schema: {
        operationId: 'goalFeed',
        summary: 'Atom-Feed eines Ziels: Meldungen beider Spuren, Berichtigungen, Rücknahmen, Stellungnahmen',
        security: [],
        params: GoalParams,
        response: { 200: AtomResponse, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const goal = app.repos.goals.describe(request.params.id);
      if (!goal) throw notFound(`Ziel „${request.params.id}“ nicht gefunden`);
      const title = `Ziel ${goal.id}: ${goal.title}`;
      const selfUrl = absoluteUrl(app.publicOrigin, `/api/feeds/goals/${encodeURIComponent(goal.id)}.atom`);
      const entries = goalFeedEntries(app.repos, app.publicOrigin, goal.id, `Ziel ${goal.id}`);
      return reply.type(ATOM).send(renderEntryFeed({ selfUrl, title: `Zielmonitor: ${title}`, entries }));
    },
  );

  app.get(
    '/feeds/indicators/:id.atom',
    {
      schema: {
        operationId: 'indicatorFeed',
        summary: 'Atom-Feed einer Kennzahl: Messwerte beider Spuren, Berichtigungen, Rücknahmen, Stellungnahmen',
        security: [],
        params: IndicatorParams,
        response: { 200: AtomResponse, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const indicator = app.repos.indicators.get(request.params.id);
      if (!indicator) throw notFound(`Kennzahl „${request.params.id}“ nicht gefunden`);
      const selfUrl = absoluteUrl(app.publicOrigin, `/api/feeds/indicators/${encodeURIComponent(indicator.id)}.atom`);
      const entries = indicatorFeedEntries(app.repos, app.publicOrigin, indicator.id, indicator.name);
      return reply
        .type(ATOM)
        .send(renderEntryFeed({ selfUrl, title: `Zielmonitor: Kennzahl „${indicator.name}“`, entries }));
    },
  );
};
