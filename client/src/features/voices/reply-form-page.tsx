import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { ReplyBody } from '@zielmonitor/shared/schemas/reply';
import { goalQuery } from '../../api/goals.ts';
import { indicatorQuery } from '../../api/indicators.ts';
import { useCreateReply, type ReplyTarget } from '../../api/voices.ts';
import { formText } from '../../lib/form-text.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { useControllerT } from '../../lib/messages-controller.ts';
import { useVoicesT } from '../../lib/messages-voices.ts';
import { Field } from '../../components/field.tsx';
import { WriteFeedback, readWriteError } from '../../components/write-feedback.tsx';

/** A reply (Stellungnahme) to a report, an assessment or a reading: text and evidence. */
export function ReplyFormPage() {
  const { id, eventId, readingId } = useParams<{ id: string; eventId?: string; readingId?: string }>();
  const target: ReplyTarget =
    readingId !== undefined
      ? { kind: 'reading', indicatorId: id, id: Number(readingId) }
      : { kind: 'status_event', goalId: id, id: Number(eventId) };
  return <ReplyForm target={target} />;
}

function ReplyForm({ target }: { target: ReplyTarget }) {
  const t = useT();
  const tc = useControllerT();
  const v = useVoicesT();
  const formId = useId();
  const [, navigate] = useLocation();
  const isEvent = target.kind === 'status_event';
  const goal = useQuery({ ...goalQuery(isEvent ? target.goalId : '', {}), enabled: isEvent });
  const indicator = useQuery({ ...indicatorQuery(isEvent ? '' : target.indicatorId, {}), enabled: !isEvent });
  const create = useCreateReply(target);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const back =
    target.kind === 'status_event'
      ? `/ziele/${encodeURIComponent(target.goalId)}#meldung-${target.id}`
      : `/kennzahlen/${encodeURIComponent(target.indicatorId)}`;
  const event =
    goal.data && [...goal.data.history.official, ...goal.data.history.independent].find((e) => e.id === target.id);
  const reading = indicator.data?.readings.find((r) => r.id === target.id);
  const answered = event
    ? `${t.status[event.status]} (${event.reporter})${event.note ? `: „${event.note}“` : ''}`
    : reading
      ? `${reading.value} (${reading.reporter})${reading.note ? `: „${reading.note}“` : ''}`
      : null;

  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const url = formText(data, 'url').trim();
    const reference = formText(data, 'reference').trim();
    const parsed = ReplyBody.safeParse({
      text: formText(data, 'text'),
      evidence: { ...(url && { url }), ...(reference && { reference }) },
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (result) => navigate(back.replace(/#.*$/, '') + `#stellungnahme-${result.reply.id}`),
      onError: (error) => {
        setErrors(readWriteError(error).errors ?? {});
        requestAnimationFrame(() => summaryRef.current?.focus());
      },
    });
  };

  return (
    <section className="narrow">
      <p>
        <Link to={back}>← {v.back}</Link>
      </p>
      <h1>{v.replyTitle}</h1>
      <p>{v.replyIntro}</p>
      {answered && (
        <p data-testid="answered-entry">
          {v.answering}: {answered}
        </p>
      )}
      <WriteFeedback summaryRef={summaryRef} conflict={null} errors={errors} error={create.error} />
      <form className="form" noValidate onSubmit={submit}>
        <Field id={`${formId}-text`} label={v.replyText} hint={v.replyTextHint} error={errors.text}>
          {(props) => <textarea {...props} name="text" rows={6} maxLength={2000} />}
        </Field>
        <Field id={`${formId}-url`} label={v.evidenceUrl} error={errors['evidence.url']}>
          {(props) => <input {...props} name="url" type="url" inputMode="url" />}
        </Field>
        <Field id={`${formId}-reference`} label={v.evidenceReference} error={errors['evidence.reference']}>
          {(props) => <input {...props} name="reference" maxLength={200} />}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={create.isPending}>
            {v.replySubmit}
          </button>
          <Link to={back}>{tc.cancel}</Link>
        </div>
      </form>
    </section>
  );
}
