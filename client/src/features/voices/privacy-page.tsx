import { useQuery } from '@tanstack/react-query';
import { aboutQuery } from '../../api/about.ts';
import { usePrivacyT } from '../../lib/messages-privacy.ts';

/** Datenschutzerklärung: what personal data the Zielmonitor keeps, for what, and for how long. */
export function PrivacyPage() {
  const p = usePrivacyT();
  const about = useQuery(aboutQuery());
  const email = about.data?.feedbackEmail;
  return (
    <article className="narrow-wide">
      <h1>{p.title}</h1>
      <p>{p.controller(about.data?.operator ?? null)}</p>
      {p.sections.map((s) => (
        <section key={s.title}>
          <h2>{s.title}</h2>
          <p>{s.text}</p>
        </section>
      ))}
      <h2>{p.contact}</h2>
      <p>
        {email ? (
          <a href={`mailto:${email}?subject=${encodeURIComponent('Datenschutz im Zielmonitor')}`}>{email}</a>
        ) : (
          p.noContact
        )}
      </p>
    </article>
  );
}
