import { lazy, Suspense } from 'react';
import { useT } from '../../lib/i18n.ts';

// The open counting question is one paragraph under the coverage: it loads after the first screen.
const CountingQuestions = lazy(() =>
  import('../../components/counting-questions.tsx').then((m) => ({ default: m.CountingQuestions })),
);

export function CoverageNote({
  documented,
  declared,
  version,
}: {
  documented: number;
  declared: number;
  version: string;
}) {
  const t = useT();
  return (
    <section aria-labelledby="coverage-title" className="panel coverage">
      <h2 id="coverage-title">
        {t.overview.coverageTitle}: <span data-testid="coverage">{t.overview.coverage(documented, declared)}</span>
      </h2>
      <meter min={0} max={declared} value={documented} aria-label={t.overview.coverage(documented, declared)} />
      <p>{t.overview.coverageText(documented, declared)}</p>
      <Suspense fallback={null}>
        <CountingQuestions version={version} />
      </Suspense>
    </section>
  );
}
