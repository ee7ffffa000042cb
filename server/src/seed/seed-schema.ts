import { z } from 'zod';
import {
  Confidence,
  DatePrecision,
  GoalId,
  Horizon,
  IndicatorId,
  IsoDate,
  PartialDate,
  RessortCode,
  Status,
  Track,
  VersionKey,
} from '@zielmonitor/shared/schemas/common';
import { FigureBasis, ReporterKind } from '@zielmonitor/shared/schemas/reported-figure';
import { LINEAGE_TYPES } from '@zielmonitor/shared/schemas/goal';
import { Direction, IndicatorUnit, Qualifier, TargetKind } from '@zielmonitor/shared/schemas/indicator';

/** The files in data/: every record names the sources it rests on. */
const SourceIds = z.array(z.string()).min(1);

const SeedSource = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  url: z.url().nullable(),
  date: PartialDate.nullable(),
  publisher: z.string().nullable(),
  supports: z.string().nullable(),
});

const SeedVersion = z.strictObject({
  key: VersionKey,
  title: z.string().min(1),
  presentedOn: IsoDate,
  declaredGoalCount: z.number().int().nonnegative(),
  sourceIds: SourceIds,
  horizonDefinition: z
    .strictObject({
      text: z.string(),
      sourceId: z.string(),
      /** The definition in years, where the source gives it: due dates are derived from it. */
      shortYears: z.number().int().positive().optional(),
      mediumYears: z.number().int().positive().optional(),
    })
    .nullable(),
});

const SeedRessort = z.strictObject({
  code: RessortCode,
  name: z.string().nullable(),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
  successors: z.array(z.strictObject({ code: RessortCode, note: z.string().nullable(), sourceId: z.string() })),
  sourceIds: SourceIds,
  note: z.string().nullable().optional(),
});

const SeedGoal = z.strictObject({
  id: GoalId,
  version: VersionKey,
  title: z.string().min(1),
  description: z.string().nullable(),
  leadRessort: RessortCode.nullable(),
  coRessorts: z.array(RessortCode),
  ressortBasis: z.string().nullable(),
  fieldOfAction: z.string().nullable(),
  fieldOfActionBasis: z.string().nullable(),
  horizon: Horizon,
  horizonNote: z.string().nullable(),
  /** As precise as the source: `2022` ("bis 2022"), `2022-06` or a day. */
  dueDate: PartialDate.nullable(),
  dueWording: z.string().nullable(),
  dueDateBasis: z.string().nullable(),
  confidence: z.strictObject({ goal: Confidence, ressort: Confidence, status: Confidence }),
  confidenceNote: z.string().nullable(),
  sourceIds: SourceIds,
  notes: z.string().nullable(),
  origin: z
    .strictObject({
      type: z.enum(['new', 'derived', 'unknown']),
      certainty: z.enum(['documented', 'probable', 'unknown']),
      basis: z.string().nullable(),
      sourceIds: z.array(z.string()),
    })
    .optional(),
});

const SeedStatusEvent = z.strictObject({
  goalId: GoalId,
  status: Status,
  progress: z.number().int().min(0).max(100).nullable(),
  effectiveDate: IsoDate,
  effectiveDatePrecision: DatePrecision,
  effectiveDateWording: z.string().nullable(),
  reporter: z.string().min(1),
  track: Track,
  originalWording: z.string().nullable(),
  note: z.string().nullable(),
  evidence: z.strictObject({ url: z.string().nullable(), reference: z.string().nullable() }),
  sourceId: z.string().min(1),
});

const SeedLineageLink = z.strictObject({
  fromGoalId: GoalId,
  toGoalId: GoalId,
  type: z.enum(LINEAGE_TYPES),
  certainty: z.enum(['documented', 'probable']),
  basis: z.string().nullable(),
  originalWording: z.string().nullable(),
  sourceIds: SourceIds,
});

const SeedReportedFigure = z.strictObject({
  id: z.string().min(1),
  version: VersionKey,
  date: IsoDate,
  datePrecision: DatePrecision,
  dateWording: z.string().nullable(),
  reporter: z.string().min(1),
  reporterKind: ReporterKind,
  scope: z.string().min(1),
  ressort: RessortCode.nullable(),
  basis: FigureBasis,
  achieved: z.number().int().nullable(),
  partiallyAchieved: z.number().int().nullable(),
  missed: z.number().int().nullable(),
  total: z.number().int().nullable(),
  rate: z.number().nullable(),
  figure: z.string().min(1),
  sourceId: z.string().min(1),
  alsoSourceIds: z.array(z.string()),
});

const SeedLegislativePeriod = z.strictObject({
  key: z.string().min(1),
  name: z.string().min(1),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  sourceIds: SourceIds,
  note: z.string().nullable(),
});

/** An open question about the official count (e.g. two documented entries that may be one goal). */
const SeedCountingQuestion = z.strictObject({
  id: z.string().min(1),
  version: VersionKey,
  goalIds: z.array(GoalId).min(2),
  question: z.string().min(1),
  wording: z.string().nullable(),
  basis: z.string().nullable(),
  status: z.enum(['open', 'settled']),
  sourceIds: SourceIds,
});

const SeedEvidence = z.strictObject({ url: z.string().nullable(), reference: z.string().nullable() });

/** An indicator with the goals it measures and its target points; dates as the source states them. */
const SeedIndicator = z.strictObject({
  id: IndicatorId,
  name: z.string().min(1),
  measure: z.string().min(1),
  unit: IndicatorUnit,
  unitSingular: z.string().nullable(),
  unitPlural: z.string().nullable(),
  direction: Direction,
  note: z.string().nullable(),
  goals: z.array(z.strictObject({ goalId: GoalId, basis: z.string().nullable() })).min(1),
  targets: z.array(
    z.strictObject({
      kind: TargetKind,
      value: z.number(),
      date: PartialDate,
      dateWording: z.string().nullable(),
      wording: z.string().nullable(),
      note: z.string().nullable(),
      sourceId: z.string().min(1),
      evidence: SeedEvidence,
    }),
  ),
});

/** A measured value: every one names its source; `date` as precise as the source states it. */
const SeedIndicatorReading = z.strictObject({
  indicatorId: IndicatorId,
  value: z.number(),
  qualifier: Qualifier,
  valueWording: z.string().min(1),
  date: PartialDate,
  dateWording: z.string().nullable(),
  reporter: z.string().min(1),
  track: Track,
  note: z.string().nullable(),
  evidence: SeedEvidence,
  sourceId: z.string().min(1),
});

export const SeedData = z.object({
  sources: z.array(SeedSource),
  versions: z.array(SeedVersion),
  ressorts: z.array(SeedRessort),
  goals: z.array(SeedGoal),
  statusEvents: z.array(SeedStatusEvent),
  lineage: z.array(SeedLineageLink),
  reportedFigures: z.array(SeedReportedFigure),
  legislativePeriods: z.array(SeedLegislativePeriod),
  countingQuestions: z.array(SeedCountingQuestion),
  indicators: z.array(SeedIndicator),
  indicatorReadings: z.array(SeedIndicatorReading),
});
export type SeedData = z.infer<typeof SeedData>;

/** Which file in data/ holds which part. */
export const SEED_FILES = {
  sources: 'sources.json',
  versions: 'versions.json',
  ressorts: 'ressorts.json',
  goals: 'goals.json',
  statusEvents: 'status-events.json',
  lineage: 'lineage.json',
  reportedFigures: 'reported-figures.json',
  legislativePeriods: 'legislative-periods.json',
  countingQuestions: 'counting-questions.json',
  indicators: 'indicators.json',
  indicatorReadings: 'indicator-readings.json',
} as const satisfies Record<keyof SeedData, string>;
