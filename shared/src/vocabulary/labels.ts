import type { Confidence, Horizon, Status, Track } from '../schemas/common.ts';
import type { ChangeKind } from './change-kinds.ts';
import type { Lang } from './lang.ts';

/**
 * The product's words for its vocabulary, in German and English: one home for the dashboard,
 * the exports, the feeds and the mails. German labels of statuses, horizons and confidence are
 * also what the CSV import reads back, so each maps back one to one.
 */
export const STATUS_LABELS: Record<Lang, Record<Status, string>> = {
  de: {
    unknown: 'unbekannt',
    planned: 'geplant',
    in_progress: 'in Umsetzung',
    partially_achieved: 'teilweise erreicht',
    achieved: 'erreicht',
    missed: 'verfehlt',
    dropped: 'aufgegeben',
  },
  en: {
    unknown: 'unknown',
    planned: 'planned',
    in_progress: 'in progress',
    partially_achieved: 'partially achieved',
    achieved: 'achieved',
    missed: 'missed',
    dropped: 'dropped',
  },
};

export const HORIZON_LABELS: Record<Lang, Record<Horizon, string>> = {
  de: { short: 'kurzfristig', medium: 'mittelfristig', long: 'langfristig', unknown: 'nicht belegt' },
  en: { short: 'short term', medium: 'medium term', long: 'long term', unknown: 'not documented' },
};

export const CONFIDENCE_LABELS: Record<Lang, Record<Confidence, string>> = {
  de: { high: 'hoch', medium: 'mittel', low: 'niedrig', unknown: 'unbekannt' },
  en: { high: 'high', medium: 'medium', low: 'low', unknown: 'unknown' },
};

/** Whose account a figure or report is: short, for table cells and stamps. */
export const TRACK_LABELS: Record<Lang, Record<Track, string>> = {
  de: { official: 'Landesregierung', independent: 'unabhängige Einschätzungen' },
  en: { official: 'State government', independent: 'independent assessments' },
};

export const CHANGE_KIND_LABELS: Record<Lang, Record<ChangeKind, string>> = {
  de: {
    first_report: 'erste Meldung',
    progress: 'Fortschritt',
    setback: 'Rückschritt',
    confirmation: 'Bestätigung (unverändert)',
    correction: 'Berichtigung',
    withdrawal: 'Rücknahme',
  },
  en: {
    first_report: 'first report',
    progress: 'progress',
    setback: 'setback',
    confirmation: 'confirmation (unchanged)',
    correction: 'correction',
    withdrawal: 'withdrawal',
  },
};

/** German labels only: the CSV format is German whatever the interface language. */
export const STATUS_LABEL_DE = STATUS_LABELS.de;
export const HORIZON_LABEL_DE = HORIZON_LABELS.de;
export const CONFIDENCE_LABEL_DE = CONFIDENCE_LABELS.de;

/** Who speaks in a reply (Stellungnahme): an organisation by its name, a Ressort by its code. */
export const replyAuthorLabel = (author: { kind: 'organisation' | 'ressort'; name: string }): string =>
  author.kind === 'ressort' ? `Ressort ${author.name}` : author.name;

/** What a subscription is to, in words before its name or number. */
export const SUBSCRIPTION_SCOPE_LABEL_DE: Record<string, string> = {
  goal: 'Ziel',
  ressort: 'Ressort',
  indicator: 'Kennzahl',
  version: 'Digitalstrategie',
};
export const FREQUENCY_LABEL_DE: Record<string, string> = {
  immediate: 'bei jeder Änderung',
  daily: 'einmal täglich als Zusammenfassung',
};

/** How a correction request was answered. */
export const REQUEST_STATE_LABEL_DE: Record<string, string> = {
  open: 'offen',
  accepted: 'berichtigt',
  declined: 'abgelehnt',
};
