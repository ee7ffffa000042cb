import { useT } from './i18n.ts';

/** The words of the goal list import: only its page loads them, not the first screen. */
const de = {
  title: 'Zielliste importieren (CSV)',
  intro:
    'Laden Sie die amtliche Zielliste im Format des CSV-Exports hoch. Zuerst zeigt ein Probelauf, was angelegt, geändert und abgelehnt würde; geschrieben wird nur, wenn keine Zeile abgelehnt wird – in einem protokollierten Schritt.',
  file: 'CSV-Datei (Spalten wie im Export)',
  dryRun: 'Probelauf',
  apply: 'Jetzt importieren',
  dryRunResult: 'Ergebnis des Probelaufs (nichts geschrieben)',
  applied: 'Importiert',
  summary: (c: number, ch: number, u: number, r: number) =>
    `${c} neu, ${ch} geändert, ${u} unverändert, ${r === 1 ? '1 Problem' : `${r} Probleme`}`,
  more: (n: number) => (n === 1 ? 'und 1 weitere' : `und ${n} weitere`),
  rejected: 'Abgelehnte Angaben',
  line: 'Zeile',
  column: 'Spalte',
  problem: 'Problem',
  created: 'neu',
  changed: 'geändert',
};

const en: typeof de = {
  title: 'Import the goal list (CSV)',
  intro:
    'Upload the official goal list in the columns of the CSV export. A dry run first shows what would be created, changed and rejected; nothing is written unless no row is rejected — in one audited step.',
  file: 'CSV file (columns as in the export)',
  dryRun: 'Dry run',
  apply: 'Import now',
  dryRunResult: 'Dry run result (nothing written)',
  applied: 'Imported',
  summary: (c, ch, u, r) => `${c} new, ${ch} changed, ${u} unchanged, ${r === 1 ? '1 problem' : `${r} problems`}`,
  more: (n) => `and ${n} more`,
  rejected: 'Rejected entries',
  line: 'Line',
  column: 'Column',
  problem: 'Problem',
  created: 'new',
  changed: 'changed',
};

export function useImporterT(): typeof de {
  return useT().lang === 'en' ? en : de;
}
