import type { SourceRef } from '@zielmonitor/shared/schemas/common';
import type { Db } from '../db/database.ts';

type SourceRow = { id: string; title: string; url: string | null; date: string | null; publisher: string | null };

/** Source lookups shared by the other repositories. */
export function createSourcesRepository(db: Db) {
  const forGoal = db.prepare<[string], SourceRow>(`SELECT s.id, s.title, s.url, s.date, s.publisher
    FROM goal_sources gs JOIN sources s ON s.id = gs.source_id WHERE gs.goal_id = ? ORDER BY s.id`);
  const forLink = db.prepare<[number], SourceRow>(`SELECT s.id, s.title, s.url, s.date, s.publisher
    FROM lineage_link_sources ls JOIN sources s ON s.id = ls.source_id WHERE ls.link_id = ? ORDER BY s.id`);
  const forFigure = db.prepare<[string], SourceRow>(`SELECT s.id, s.title, s.url, s.date, s.publisher
    FROM reported_figure_sources fs JOIN sources s ON s.id = fs.source_id WHERE fs.figure_id = ? ORDER BY s.id`);
  const byId = db.prepare<[string], SourceRow>('SELECT id, title, url, date, publisher FROM sources WHERE id = ?');
  const ids = db.prepare<[], string>('SELECT id FROM sources').pluck();

  return {
    forGoal: (goalId: string): SourceRef[] => forGoal.all(goalId),
    forLineageLink: (linkId: number): SourceRef[] => forLink.all(linkId),
    forFigure: (figureId: string): SourceRef[] => forFigure.all(figureId),
    byId: (id: string): SourceRef | undefined => byId.get(id),
    ids: (): string[] => ids.all(),
  };
}
export type SourcesRepository = ReturnType<typeof createSourcesRepository>;
