import { LINEAGE_LABELS } from '@zielmonitor/shared/vocabulary/lineage';
import { useT } from './i18n.ts';

/** The words of the 44 → 78 page: only that page loads them, not the first screen. */
const de = {
  title: 'Von 44 zu 78 Zielen',
  intro:
    'Sind die 78 Ziele der Digitalstrategie 2.0 die alten 44 plus 34 neue? Hier steht, was aus jedem belegten 1.0-Ziel geworden ist und woher die belegten 2.0-Ziele kommen.',
  answerTitle: 'Die kurze Antwort',
  answer: (d1: number, d2: number, b1: number, b2: number, unknown: number) =>
    `Nein, das lässt sich so nicht sagen. Laut Minister wurden 14 erledigte Ziele nicht übernommen und die übrigen weitergeführt, teils verändert – 78 ist also nicht ${d1} + ${d2 - d1}. Öffentlich belegt sind nur ${b1} der ${d1} alten und ${b2} der ${d2} neuen Ziele; für ${unknown} der belegten alten Ziele ist der Verbleib nicht belegt.`,
  ...LINEAGE_LABELS.de,
  loosenedFlag: 'Ziel wurde gelockert',
  sankeyTitle: 'Ströme von 1.0 nach 2.0',
  legendNode: 'Ziele je Verbleib (links) und je Ziel in 2.0 (rechts), mit Anzahl',
  legendLink: 'Strom: seine Breite ist die Zahl der Ziele',
  sankeySummary: (n: number) =>
    `${n} Ströme; dieselben Angaben stehen in der Tabelle darunter, jede Zeile mit ihren Zielen.`,
  tableCaption: 'Ströme von 1.0 nach 2.0 mit ihren Zielen',
  fromCol: 'von',
  toCol: 'nach',
  detailTitle: 'Belegte Verbindungen',
  dueTitle: 'Fällig bis Ende der Wahlperiode',
  period: 'Wahlperiode',
  dueCaption: (name: string, end: string) => `${name}: fällig bis ${end}, je Ressort`,
  dueIn: 'fällig in der Wahlperiode',
  achievedIn: 'davon bis dahin erreicht (amtlich)',
  dueAfter: 'fällig danach',
  noDue: 'ohne Frist',
  dueNote:
    'Fälligkeit: ausdrückliche Frist, sonst aus dem Zeithorizont abgeleitet (Definition der Strategie). Die Wahlperioden stehen mit ihrer Quelle in den Daten.',
};

const en: typeof de = {
  title: 'From 44 to 78 goals',
  intro:
    'Are the 78 goals of Digital Strategy 2.0 the old 44 plus 34 new ones? Here is what became of each documented 1.0 goal and where the documented 2.0 goals come from.',
  answerTitle: 'The short answer',
  answer: (d1, d2, b1, b2, unknown) =>
    `No, it cannot be put that way. According to the minister, 14 completed goals were not carried over and the rest were continued, some changed — so 78 is not ${d1} + ${d2 - d1}. Only ${b1} of the ${d1} old and ${b2} of the ${d2} new goals are publicly documented; for ${unknown} of the documented old goals, what became of them is not documented.`,
  ...LINEAGE_LABELS.en,
  loosenedFlag: 'goal was loosened',
  sankeyTitle: 'Flows from 1.0 to 2.0',
  legendNode: 'Goals by fate (left) and by place in 2.0 (right), with count',
  legendLink: 'Flow: its width is the number of goals',
  sankeySummary: (n) => `${n} flows; the same data is in the table below, each row with its goals.`,
  tableCaption: 'Flows from 1.0 to 2.0 with their goals',
  fromCol: 'from',
  toCol: 'to',
  detailTitle: 'Documented links',
  dueTitle: 'Due by the end of the legislative period',
  period: 'Legislative period',
  dueCaption: (name, end) => `${name}: due by ${end}, per ministry`,
  dueIn: 'due within the period',
  achievedIn: 'of which achieved by then (official)',
  dueAfter: 'due later',
  noDue: 'no deadline',
  dueNote:
    'Due date: the explicit deadline, else derived from the horizon (the strategy’s own definition). Legislative periods are sourced data, not code.',
};

export function useLineageT(): typeof de {
  return useT().lang === 'en' ? en : de;
}
