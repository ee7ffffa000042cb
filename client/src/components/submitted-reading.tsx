import type { SubmittedReading, SubmittedValue } from '@zielmonitor/shared/schemas/submission';
import { formatValue, formatWhen } from '@zielmonitor/shared/indicators/words';
import type { Lang } from '@zielmonitor/shared/vocabulary/lang';
import { useT } from '../lib/i18n.ts';
import { useWorkflowT } from '../lib/messages-workflow.ts';

const inWords = (v: SubmittedValue, unit: SubmittedReading, lang: Lang) =>
  `${formatValue(v.value, unit, lang, v.qualifier)} ${formatWhen(v.date, v.datePrecision, lang)}`;

/** A submitted reading in words: "93 % im März 2026", a correction with the value it replaces. */
export function SubmittedReadingText({ reading }: { reading: SubmittedReading }) {
  const { lang } = useT();
  const w = useWorkflowT();
  const value = reading.value && inWords(reading.value, reading, lang);
  const target = reading.target && inWords(reading.target, reading, lang);
  const wording = reading.value?.valueWording ?? reading.target?.valueWording;
  return (
    <span data-testid="submitted-reading">
      {value && target ? w.readingCorrected(value, target) : value ? value : target && w.readingWithdrawn(target)}
      {wording && <span className="basis">„{wording}“</span>}
    </span>
  );
}
