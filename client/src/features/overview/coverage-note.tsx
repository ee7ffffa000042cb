import { useT } from '../../lib/i18n.ts';

export function CoverageNote({ documented, declared }: { documented: number; declared: number }) {
  const t = useT();
  return (
    <section aria-labelledby="coverage-title" className="panel coverage">
      <h2 id="coverage-title">
        {t.overview.coverageTitle}: <span data-testid="coverage">{t.overview.coverage(documented, declared)}</span>
      </h2>
      <meter min={0} max={declared} value={documented} aria-label={t.overview.coverage(documented, declared)} />
      <p>{t.overview.coverageText(documented, declared)}</p>
    </section>
  );
}
