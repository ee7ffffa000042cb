import { useId, useState, type SubmitEvent } from 'react';
import type { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import { formatDate, formatDateTime } from '@zielmonitor/shared/time/format';
import { COUNTING_RULE_TEXT } from '@zielmonitor/shared/vocabulary/counting-rules';
import { useT } from '../../lib/i18n.ts';
import { useSessionT } from '../../lib/messages-session.ts';

/**
 * Below the slide: what the figures are (version, date, whose assessment, rule, coverage,
 * knowledge, the link to cite this slide), buttons for a mouse or a finger, and a field to jump
 * to a Ressort or goal on a tablet without a keyboard. What a jump found is said aloud.
 */
export function SessionFooter(props: {
  stats: RessortStatsResponse | undefined;
  asOf: string | null;
  link: string;
  count: number;
  index: number;
  onStep: (delta: number) => void;
  onJump: (typed: string) => void;
  typed: string;
  notice: string;
}) {
  const { stats, asOf, link, count, index, onStep, onJump, typed, notice } = props;
  const t = useT();
  const s = useSessionT();
  const [value, setValue] = useState('');
  const jumpId = useId();
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!value.trim()) return;
    onJump(value);
    setValue('');
  };
  return (
    <footer className="session-footer">
      {stats && (
        <p className="session-stamp" data-testid="session-stamp">
          {t.stamp.versionShort(stats.version)} · {t.stamp.asOf(formatDate(stats.at.asOf ?? asOf ?? '', t.lang))} ·{' '}
          {t.stamp.track(t.trackShort.official)} · {t.stamp.rule(COUNTING_RULE_TEXT.all_goals[t.lang].label, null)} ·{' '}
          {t.stamp.coverage(stats.documentedGoalCount, stats.declaredGoalCount)} ·{' '}
          {t.stamp.knownAt(formatDateTime(stats.at.recordedUntil, t.lang))} · {t.stamp.cite}:{' '}
          <span className="mono">{link}</span>
        </p>
      )}
      <nav className="session-nav" aria-label={s.navigation}>
        <button type="button" onClick={() => onStep(-1)} disabled={index === 0}>
          ‹ {s.previous}
        </button>
        <button type="button" onClick={() => onStep(1)} disabled={index >= count - 1}>
          {s.next} ›
        </button>
        <form className="session-jump" onSubmit={submit}>
          <label htmlFor={jumpId} className="visually-hidden">
            {s.jumpLabel}
          </label>
          <input
            id={jumpId}
            type="search"
            value={value}
            placeholder={s.jumpPlaceholder}
            onChange={(e) => setValue(e.target.value)}
            enterKeyHint="go"
            autoComplete="off"
          />
          <button type="submit">{s.jumpSubmit}</button>
        </form>
        <span className="session-notice" role="status" data-testid="session-notice">
          {typed ? `${s.jumpTo}: ${typed}⏎` : notice}
        </span>
      </nav>
      <p className="session-help">{s.help}</p>
    </footer>
  );
}
