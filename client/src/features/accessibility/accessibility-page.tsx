import { useQuery } from '@tanstack/react-query';
import { aboutQuery } from '../../api/meta.ts';
import { useA11yT } from '../../lib/messages-a11y.ts';

/** Erklärung zur Barrierefreiheit (BITV 2.0 § 7) with the feedback contact. */
export function AccessibilityPage() {
  const a = useA11yT();
  const about = useQuery(aboutQuery());
  const email = about.data?.feedbackEmail;
  return (
    <article className="narrow-wide">
      <h1>{a.title}</h1>
      <p>{a.scope(about.data?.operator ?? null)}</p>
      <h2>{a.stateTitle}</h2>
      <p>{a.state}</p>
      <h2>{a.limitsTitle}</h2>
      <ul>
        {a.limits.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <h2>{a.howTitle}</h2>
      <p>{a.how}</p>
      <h2>{a.feedbackTitle}</h2>
      <p>{a.feedback}</p>
      <p data-testid="feedback-contact">
        {email ? (
          <a href={`mailto:${email}?subject=${encodeURIComponent('Barriere im Zielmonitor')}`}>{email}</a>
        ) : (
          a.noContact
        )}
      </p>
      <h2>{a.enforcementTitle}</h2>
      <p>{a.enforcement}</p>
    </article>
  );
}
