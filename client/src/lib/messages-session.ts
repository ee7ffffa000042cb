import { useT } from './i18n.ts';

const goals = (n: number) => (n === 1 ? '1 Ziel' : `${n} Ziele`);
// "0 von 11 Zielen": the dative after "von".
const ofGoals = (n: number) => (n === 1 ? '1 Ziel' : `${n} Zielen`);
const goalsEn = (n: number) => (n === 1 ? '1 goal' : `${n} goals`);
const list = (codes: string[], and: string) =>
  codes.length <= 1 ? (codes[0] ?? '') : `${codes.slice(0, -1).join(', ')} ${and} ${codes[codes.length - 1]}`;

/**
 * The words of session mode and its handout. Kept apart from messages-de.ts: only the session
 * loads them, not the first screen of the dashboard.
 */
const de = {
  dataFrom: 'Stand',
  online: 'verbunden',
  offline: 'offline – Daten bleiben stehen',
  fullscreen: 'Vollbild',
  handout: 'Als Handout drucken',
  back: 'Zum Dashboard',
  previous: 'Zurück',
  next: 'Weiter',
  slideOf: (n: number, of: number) => `Folie ${n} von ${of}`,
  navigation: 'Folien',
  jumpLabel: 'Springen zu Ressort oder Ziel',
  jumpPlaceholder: 'z. B. MWIKE oder v1-13',
  jumpSubmit: 'Springen',
  jumpTo: 'Springe zu',
  help: 'Weiter: → oder Bild ↓, Tippen rechts, Wischen nach links · Zurück: ← oder Bild ↑, Tippen links · Ressort oder Ziel-ID tippen und Enter: springen',
  titleNote:
    'Sitzungsmodus: Die Daten sind auf den oben genannten Stand festgelegt und ändern sich während der Sitzung nicht.',
  officialOnly: 'Status nach Meldungen der Landesregierung; nur öffentlich belegte Ziele.',
  whose: 'Wessen Einschätzung: Landesregierung (eigene Meldungen)',
  basis: (documented: number, declared: number) =>
    `Grundlage: die ${documented} öffentlich belegten von ${declared} Zielen; Zählweise: alle belegten Ziele.`,
  part: (page: number, pages: number) => (pages > 1 ? ` (${page}/${pages})` : ''),
  achievedOf: (achieved: number, total: number, rate: string) => `${achieved} von ${ofGoals(total)} erreicht (${rate})`,
  zeroLine: (total: number) => `0 von ${ofGoals(total)} erreicht`,
  todayLabel: 'heute',
  todayAll: (codes: string[]) => `Heute zuständig: ${list(codes, 'und')}`,
  unsettled: 'Zuständigkeit ungeklärt',
  responsibleTitle: (code: string) => `${code} – heute zuständig`,
  responsibleIntro: (n: number, from: string[], version: string) =>
    `Für ${goals(n)} der Digitalstrategie ${version} ist dieses Ressort heute zuständig. Ressort laut Strategie: ${list(from, 'und')}.`,
  found: {
    ressort: (code: string, n: number, slide: number) => `Ressort ${code}: ${goals(n)}, Folie ${slide}.`,
    responsible: (code: string, n: number, slide: number) =>
      `${code} ist heute für ${goals(n)} zuständig, Folie ${slide}.`,
    goal: (id: string, slide: number) => `Ziel ${id}: Folie ${slide}.`,
    ressortWithoutGoals: (code: string, version: string) =>
      `${code}: Für kein belegtes Ziel der Digitalstrategie ${version} zuständig – weder laut Strategie noch heute.`,
    nothing: (typed: string) =>
      `Nichts gefunden für „${typed}“. Bitte ein Ressortkürzel (z. B. MKW) oder eine Ziel-ID (z. B. v1-13) eingeben.`,
  },
  handoutTitle: (version: string) => `Handout zur Digitalstrategie ${version}`,
  handoutSlide: (n: number, of: number) => `Folie ${n} von ${of}`,
  fitNote: 'Schrift verkleinert, damit alles auf die Folie passt',
};

export type SessionMessages = typeof de;

const en: SessionMessages = {
  dataFrom: 'As of',
  online: 'connected',
  offline: 'offline – data stays on screen',
  fullscreen: 'Full screen',
  handout: 'Print as handout',
  back: 'To the dashboard',
  previous: 'Back',
  next: 'Next',
  slideOf: (n, of) => `Slide ${n} of ${of}`,
  navigation: 'Slides',
  jumpLabel: 'Jump to a ministry or goal',
  jumpPlaceholder: 'e.g. MWIKE or v1-13',
  jumpSubmit: 'Jump',
  jumpTo: 'Jump to',
  help: 'Next: → or Page ↓, tap right, swipe left · Back: ← or Page ↑, tap left · type a ministry or goal id and Enter: jump',
  titleNote: 'Session mode: the data is locked to the state above and does not change during the session.',
  officialOnly: 'Status by the state government’s reports; publicly documented goals only.',
  whose: 'Whose assessment: state government (own reports)',
  basis: (documented, declared) =>
    `Basis: the ${documented} publicly documented of ${declared} goals; counting rule: all documented goals.`,
  part: (page, pages) => (pages > 1 ? ` (${page}/${pages})` : ''),
  achievedOf: (achieved, total, rate) => `${achieved} of ${goalsEn(total)} achieved (${rate})`,
  zeroLine: (total) => `0 of ${goalsEn(total)} achieved`,
  todayLabel: 'today',
  todayAll: (codes) => `Responsible today: ${list(codes, 'and')}`,
  unsettled: 'responsibility unsettled',
  responsibleTitle: (code) => `${code} – responsible today`,
  responsibleIntro: (n, from, version) =>
    `This ministry is responsible today for ${goalsEn(n)} of Digital Strategy ${version}. Ministry named in the strategy: ${list(from, 'and')}.`,
  found: {
    ressort: (code, n, slide) => `Ministry ${code}: ${goalsEn(n)}, slide ${slide}.`,
    responsible: (code, n, slide) => `${code} is responsible today for ${goalsEn(n)}, slide ${slide}.`,
    goal: (id, slide) => `Goal ${id}: slide ${slide}.`,
    ressortWithoutGoals: (code, version) =>
      `${code}: responsible for no documented goal of Digital Strategy ${version}, neither by the strategy nor today.`,
    nothing: (typed) => `Nothing found for “${typed}”. Type a ministry code (e.g. MKW) or a goal id (e.g. v1-13).`,
  },
  handoutTitle: (version) => `Handout on Digital Strategy ${version}`,
  handoutSlide: (n, of) => `Slide ${n} of ${of}`,
  fitNote: 'Type reduced so that everything fits on the slide',
};

export function useSessionT(): SessionMessages {
  return useT().lang === 'en' ? en : de;
}
