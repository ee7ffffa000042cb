import type { Span } from '../repositories/catalog.ts';
import type { Repositories } from '../repositories/index.ts';

type Distribution = { path: string; title: string; format: 'CSV' | 'JSON' | null; mediaType: string };
export type DatasetSpec = {
  key: string;
  title: string;
  description: string;
  keywords: string[];
  landingPage: string;
  span: Span;
  distributions: Distribution[];
};

/** The four datasets of the catalogue, described in German, with their distributions (the exports). */
export function datasetSpecs(repos: Repositories, base: string): DatasetSpec[] {
  const versions = repos.versions.list();
  const coverage = versions
    .map((v) => `${v.documentedGoalCount} von ${v.declaredGoalCount} Zielen der Version ${v.key}`)
    .join(' und ');
  const questions = versions.flatMap((v) => v.countingQuestions.filter((q) => q.status === 'open'));
  const questionText = questions.length > 0 ? ` Offene Zählfrage: ${questions.map((q) => q.question).join(' ')}` : '';
  const honesty =
    ' Jede Angabe verweist auf eine öffentliche Quelle; was keine Quelle belegt, bleibt unbekannt. Meldungen der Landesregierung und unabhängige Einschätzungen stehen getrennt.';
  return [
    {
      key: 'ziele',
      title: 'Ziele der Digitalstrategie Nordrhein-Westfalen 1.0 (2019) und 2.0 (2021)',
      description: `Öffentlich belegte Ziele mit Ressort, Handlungsfeld, Frist, Quellen und aktuellem Stand; belegt sind ${coverage}.${questionText}${honesty}`,
      keywords: ['Digitalstrategie', 'Nordrhein-Westfalen', 'Ziele', 'Monitoring'],
      landingPage: `${base}/ziele`,
      span: repos.catalog.goals(),
      distributions: [
        { path: '/api/export/goals.csv', title: 'Ziele (CSV für Excel)', format: 'CSV', mediaType: 'text/csv' },
        {
          path: '/api/export/goals.json',
          title: 'Ziele mit Verlauf (JSON)',
          format: 'JSON',
          mediaType: 'application/json',
        },
      ],
    },
    {
      key: 'statusmeldungen',
      title: 'Meldungen zum Stand der Ziele der Digitalstrategie NRW',
      description: `Jede datierte Meldung zum Stand je Ziel, mit Melder, Wortlaut, Beleg und Quelle, die der Landesregierung und die unabhängigen getrennt.${honesty}`,
      keywords: ['Digitalstrategie', 'Nordrhein-Westfalen', 'Umsetzungsstand'],
      landingPage: `${base}/aenderungen`,
      span: repos.catalog.statusEvents(),
      distributions: [
        {
          path: '/api/export/status-events.csv',
          title: 'Statusverlauf (CSV für Excel)',
          format: 'CSV',
          mediaType: 'text/csv',
        },
        {
          path: '/api/feeds/changes.atom',
          title: 'Änderungen (Atom-Feed)',
          format: null,
          mediaType: 'application/atom+xml',
        },
      ],
    },
    {
      key: 'kennzahlen',
      title: 'Kennzahlen zur Digitalstrategie NRW mit Messwerten, Ausgangswerten und Zielen',
      description: `Kennzahlen (Glasfaser und Gigabit an Schulen, in Gewerbegebieten und Haushalten, Mobilfunkfläche, Verwaltungsleistungen online, Telematikinfrastruktur) mit Ausgangswert, Zwischenzielen, Zielwert und jedem Messwert samt Quelle; Messwerte verschiedener Melder stehen nebeneinander, auch wo sie sich widersprechen.${honesty}`,
      keywords: ['Digitalstrategie', 'Nordrhein-Westfalen', 'Kennzahlen', 'Breitband', 'Glasfaser'],
      landingPage: `${base}/kennzahlen`,
      span: repos.catalog.indicatorReadings(),
      distributions: [
        {
          path: '/api/export/indicator-readings.csv',
          title: 'Messwerte (CSV für Excel)',
          format: 'CSV',
          mediaType: 'text/csv',
        },
        {
          path: '/api/indicators',
          title: 'Kennzahlen mit Bewertung (JSON)',
          format: 'JSON',
          mediaType: 'application/json',
        },
      ],
    },
    {
      key: 'gesamtzahlen',
      title: 'Berichtete Gesamtzahlen zur Umsetzung der Digitalstrategie NRW',
      description: `Gesamtzahlen, die Landesregierung, Fraktionen und Presse veröffentlicht haben (etwa „14 von 44 Zielen erreicht“), je mit Quelle, Stichtag und Grundgesamtheit.${honesty}`,
      keywords: ['Digitalstrategie', 'Nordrhein-Westfalen', 'Bilanz'],
      landingPage: `${base}/`,
      span: repos.catalog.reportedFigures(),
      distributions: versions.map((v) => ({
        path: `/api/reported-figures?version=${encodeURIComponent(v.key)}`,
        title: `Gesamtzahlen zu Version ${v.key} (JSON)`,
        format: 'JSON' as const,
        mediaType: 'application/json',
      })),
    },
  ];
}
