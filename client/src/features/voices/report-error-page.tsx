import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'wouter';
import { CorrectionRequestBody, type RequestSubject } from '@zielmonitor/shared/schemas/correction-request';
import { FigureSubject } from '@zielmonitor/shared/schemas/request-figure';
import { figureWords } from '@zielmonitor/shared/vocabulary/figure-words';
import { aboutQuery } from '../../api/about.ts';
import { useSubmitRequest } from '../../api/voices.ts';
import { formText } from '../../lib/form-text.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { useVoicesT, type VoicesMessages } from '../../lib/messages-voices.ts';
import { Field } from '../../components/field.tsx';
import { WriteFeedback, readWriteError } from '../../components/write-feedback.tsx';
import { FigureChoice } from './figure-choice.tsx';

/**
 * A figure of the overview (components/figure-report-link.tsx): `?zahl=status&status=achieved&ressort=MWIDE`
 * with the basis its citable link pins (version, track, rule, asOf, knownAt) and the value shown (`wert`).
 */
function figureOf(params: URLSearchParams): FigureSubject | null {
  if (!params.has('zahl')) return null;
  const parsed = FigureSubject.safeParse({
    kind: 'figure',
    measure: params.get('zahl'),
    ...(params.has('status') && { status: params.get('status') }),
    ressort: params.get('ressort'),
    version: params.get('version'),
    track: params.get('track'),
    rule: params.get('rule'),
    asOf: params.get('asOf'),
    knownAt: params.get('knownAt'),
    value: Number(params.get('wert')),
  });
  return parsed.success ? parsed.data : null;
}

/** What the address names: `?ziel=v2-13`, `?meldung=42`, `?kennzahl=…`, `?messwert=7`, or a figure. */
function subjectOf(params: URLSearchParams): RequestSubject | null {
  const goal = params.get('ziel');
  const event = Number(params.get('meldung'));
  const indicator = params.get('kennzahl');
  const reading = Number(params.get('messwert'));
  if (goal) return { kind: 'goal', id: goal };
  if (Number.isInteger(event) && event > 0) return { kind: 'status_event', id: event };
  if (indicator) return { kind: 'indicator', id: indicator };
  if (Number.isInteger(reading) && reading > 0) return { kind: 'reading', id: reading };
  return figureOf(params);
}

const subjectLabel = (v: VoicesMessages, s: RequestSubject): string =>
  s.kind === 'figure'
    ? figureWords(s)
    : s.kind === 'goal'
      ? v.subjectGoal(s.id)
      : s.kind === 'status_event'
        ? v.subjectEvent(s.id)
        : s.kind === 'indicator'
          ? v.subjectIndicator(s.id)
          : v.subjectReading(s.id);

/** "Fehler melden": a short public form without an account; a hidden field catches robots. */
export function ReportErrorPage() {
  const v = useVoicesT();
  const id = useId();
  const [params] = useSearchParams();
  const [chosen, choose] = useState<FigureSubject | null>(null);
  const named = subjectOf(params);
  const subject = named?.kind === 'figure' ? (chosen ?? named) : named;
  const about = useQuery(aboutQuery());
  const send = useSubmitRequest();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const mail = about.data?.mailConfigured === true;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!subject) return;
    const data = new FormData(event.currentTarget);
    const field = (name: string) => formText(data, name).trim();
    const parsed = CorrectionRequestBody.safeParse({
      subject,
      description: field('description'),
      ...(field('evidenceUrl') && { evidenceUrl: field('evidenceUrl') }),
      ...(mail && field('email') && { email: field('email') }),
      website: formText(data, 'website'),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors({});
    send.mutate(parsed.data, {
      onError: (error) => {
        setErrors(readWriteError(error).errors ?? {});
        requestAnimationFrame(() => summaryRef.current?.focus());
      },
    });
  };

  return (
    <section className="narrow">
      <h1>{v.reportTitle}</h1>
      <p>{v.reportIntro}</p>
      {subject && (
        <p data-testid="report-subject">
          {v.reportAbout}: <strong>{subjectLabel(v, subject)}</strong>
        </p>
      )}
      {send.isSuccess ? (
        <p role="status" className="saved" data-testid="report-sent">
          {v.reportThanks(send.data.id, send.data.answerByMail)}
        </p>
      ) : (
        <>
          <WriteFeedback summaryRef={summaryRef} conflict={null} errors={errors} error={send.error} />
          <form className="form" noValidate onSubmit={submit}>
            {subject?.kind === 'figure' && <FigureChoice figure={subject} onChange={choose} />}
            <Field id={`${id}-description`} label={v.reportWhat} hint={v.reportWhatHint} error={errors.description}>
              {(props) => <textarea {...props} name="description" rows={5} maxLength={2000} />}
            </Field>
            <Field id={`${id}-evidence`} label={v.reportEvidence} error={errors.evidenceUrl}>
              {(props) => <input {...props} name="evidenceUrl" type="url" inputMode="url" />}
            </Field>
            {mail ? (
              <Field id={`${id}-email`} label={v.reportEmail} hint={v.reportEmailHint} error={errors.email}>
                {(props) => <input {...props} name="email" type="email" autoComplete="email" maxLength={254} />}
              </Field>
            ) : (
              <p className="field-hint">{v.reportNoMail}</p>
            )}
            <div className="hp" aria-hidden="true">
              <label htmlFor={`${id}-website`}>{v.honeypot}</label>
              <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" />
            </div>
            <p className="field-hint">
              <Link to="/datenschutz">{v.privacyLink}</Link>
            </p>
            <div className="form-actions">
              <button type="submit" disabled={send.isPending || !subject}>
                {v.reportSubmit}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
