import type { Fate, Origin } from '../schemas/lineage.ts';
import type { Lang } from './lang.ts';

/** Where a flow of the 44 → 78 chart ends: carried on, ended, new, or not known. */
export type LineageTarget = 'carried' | 'ended' | 'unknown' | 'new' | 'originUnknown';

/**
 * The words of the 44 → 78 chart — what became of a 1.0 goal, where a 2.0 goal comes from, where
 * a flow ends — for the page, its chart file and its CSV alike.
 */
export const LINEAGE_LABELS: Record<
  Lang,
  { fate: Record<Fate, string>; origin: Record<Origin, string>; target: Record<LineageTarget, string> }
> = {
  de: {
    fate: {
      continued: 'fortgeführt',
      sharpened: 'verschärft',
      loosened: 'gelockert',
      split: 'aufgeteilt',
      merged: 'zusammengelegt',
      replaced: 'ersetzt',
      achieved_and_ended: 'erreicht und beendet',
      dropped_unfulfilled: 'unerfüllt fallengelassen',
      unknown: 'Verbleib nicht belegt',
    },
    origin: { new: 'neu', derived: 'aus 1.0 abgeleitet', unknown: 'Herkunft nicht belegt' },
    target: {
      carried: 'in 2.0 weitergeführt',
      ended: 'nicht mehr in 2.0',
      unknown: 'Verbleib unbekannt',
      new: 'neu in 2.0',
      originUnknown: '2.0, Herkunft unbekannt',
    },
  },
  en: {
    fate: {
      continued: 'continued',
      sharpened: 'sharpened',
      loosened: 'loosened',
      split: 'split',
      merged: 'merged',
      replaced: 'replaced',
      achieved_and_ended: 'achieved and ended',
      dropped_unfulfilled: 'dropped unfulfilled',
      unknown: 'fate not documented',
    },
    origin: { new: 'new', derived: 'derived from 1.0', unknown: 'origin not documented' },
    target: {
      carried: 'carried into 2.0',
      ended: 'no longer in 2.0',
      unknown: 'fate unknown',
      new: 'new in 2.0',
      originUnknown: '2.0, origin unknown',
    },
  },
};
