import { Link } from 'wouter';
import type { SubscriptionScope } from '@zielmonitor/shared/schemas/subscription';
import { useVoicesT } from '../../lib/messages-voices.ts';
import { SubscribePanel } from './subscribe-panel.tsx';

/**
 * Beside a goal, an indicator, a Ressort or a version: "Fehler melden" (goals and indicators), its
 * Atom feed, and — with mail configured — a subscription by e-mail.
 */
export function VoiceLinks({
  subject,
  feed,
  label,
}: {
  subject: { kind: SubscriptionScope; id: string };
  feed: string | null;
  /** What is subscribed, in words for the panel's sentence; defaults to the subject's name. */
  label?: string;
}) {
  const v = useVoicesT();
  const reportable = subject.kind === 'goal' || subject.kind === 'indicator';
  const param = subject.kind === 'goal' ? 'ziel' : 'kennzahl';
  return (
    <div className="voice-links">
      <p>
        {reportable && (
          <Link className="button-link secondary" to={`/fehler-melden?${param}=${encodeURIComponent(subject.id)}`}>
            {v.reportError}
          </Link>
        )}
        {feed && (
          <>
            {' '}
            <a href={feed} type="application/atom+xml">
              {v.feed}
            </a>
          </>
        )}
      </p>
      <SubscribePanel scope={subject.kind} scopeId={subject.id} label={label ?? defaultLabel(v, subject)} />
    </div>
  );
}

const defaultLabel = (v: ReturnType<typeof useVoicesT>, subject: { kind: SubscriptionScope; id: string }): string =>
  subject.kind === 'goal'
    ? v.subjectGoal(subject.id)
    : subject.kind === 'indicator'
      ? v.subjectIndicator(subject.id)
      : subject.kind === 'ressort'
        ? `Ressort ${subject.id}`
        : `Digitalstrategie ${subject.id}`;
