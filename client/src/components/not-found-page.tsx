import { Link } from 'wouter';
import { useT } from '../lib/i18n.ts';

export function NotFoundPage() {
  const t = useT();
  return (
    <section>
      <h1>{t.lang === 'de' ? 'Seite nicht gefunden' : 'Page not found'}</h1>
      <p>
        <Link to="/">{t.nav.overview}</Link>
      </p>
    </section>
  );
}
