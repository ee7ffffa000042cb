import { useSearchParams } from 'wouter';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { useT } from '../lib/i18n.ts';

/** One date control that moves every view to that date (asOf in the URL). */
export function AsOfControl() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? '';
  const set = (value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set('asOf', value);
      else next.delete('asOf');
      next.delete('snapshot');
      return next;
    });
  return (
    <div className="control as-of">
      <label htmlFor="as-of-date">{t.asOf.label}</label>
      <input id="as-of-date" type="date" value={asOf} max={todayInBerlin()} onChange={(e) => set(e.target.value)} />
      {asOf && (
        <button type="button" onClick={() => set('')}>
          {t.asOf.reset}
        </button>
      )}
    </div>
  );
}
