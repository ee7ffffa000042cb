import type { ReportedFigure } from '@zielmonitor/shared/schemas/reported-figure';
import type { Db } from '../db/database.ts';
import type { SourcesRepository } from './sources.ts';

type FigureRow = {
  id: string;
  version_key: string;
  date: string;
  date_precision: ReportedFigure['datePrecision'];
  date_wording: string | null;
  reporter: string;
  reporter_kind: ReportedFigure['reporterKind'];
  scope: string;
  ressort: string | null;
  basis: ReportedFigure['basis'];
  achieved: number | null;
  partially_achieved: number | null;
  missed: number | null;
  total: number | null;
  rate: number | null;
  figure: string;
  source_id: string;
};

export function createReportedFiguresRepository(db: Db, sources: SourcesRepository) {
  const list = db.prepare<[{ version: string | null; asOf: string }], FigureRow>(`SELECT * FROM reported_figures
    WHERE (@version IS NULL OR version_key = @version) AND date <= @asOf ORDER BY date, id`);

  return {
    /** The figures published on or before `asOf`, oldest first. */
    list(version: string | undefined, asOf: string): ReportedFigure[] {
      return list.all({ version: version ?? null, asOf }).map((row) => {
        const source = sources.byId(row.source_id);
        if (!source) throw new Error(`reported figure ${row.id} has no source ${row.source_id}`);
        return {
          id: row.id,
          version: row.version_key,
          date: row.date,
          datePrecision: row.date_precision,
          dateWording: row.date_wording,
          reporter: row.reporter,
          reporterKind: row.reporter_kind,
          scope: row.scope,
          ressort: row.ressort,
          basis: row.basis,
          achieved: row.achieved,
          partiallyAchieved: row.partially_achieved,
          missed: row.missed,
          total: row.total,
          rate: row.rate,
          figure: row.figure,
          source,
          alsoSources: sources.forFigure(row.id),
        };
      });
    },
  };
}
