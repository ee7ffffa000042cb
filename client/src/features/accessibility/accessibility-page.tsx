import { useQuery } from '@tanstack/react-query';
import { aboutQuery } from '../../api/meta.ts';
import { useT } from '../../lib/i18n.ts';

/** Erklärung zur Barrierefreiheit (BITV 2.0 § 7) with the feedback contact. */
export function AccessibilityPage() {
  const t = useT();
  const about = useQuery(aboutQuery());
  const email = about.data?.feedbackEmail;
  return (
    <article className="narrow-wide">
      <h1>{t.a11y.title}</h1>
      <p>{t.a11y.scope(about.data?.operator ?? null)}</p>
      <h2>{t.a11y.stateTitle}</h2>
      <p>{t.a11y.state}</p>
      <h2>{t.a11y.limitsTitle}</h2>
      <ul>
        {t.a11y.limits.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <h2>{t.a11y.howTitle}</h2>
      <p>{t.a11y.how}</p>
      <h2>{t.a11y.feedbackTitle}</h2>
      <p>{t.a11y.feedback}</p>
      <p data-testid="feedback-contact">
        {email ? (
          <a href={`mailto:${email}?subject=${encodeURIComponent('Barriere im Zielmonitor')}`}>{email}</a>
        ) : (
          t.a11y.noContact
        )}
      </p>
      <h2>{t.a11y.enforcementTitle}</h2>
      <p>{t.a11y.enforcement}</p>
    </article>
  );
}
