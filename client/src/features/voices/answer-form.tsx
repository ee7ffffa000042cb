import { useId, useState, type SubmitEvent } from 'react';
import { AnswerBody, type CorrectionRequest } from '@zielmonitor/shared/schemas/correction-request';
import { useAnswerRequest } from '../../api/voices.ts';
import { formText } from '../../lib/form-text.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { useVoicesT } from '../../lib/messages-voices.ts';
import { Field } from '../../components/field.tsx';
import { readWriteError } from '../../components/write-feedback.tsx';

/** Closing a request: accepted with the correction it led to, or declined with a reason. */
export function AnswerForm({ request }: { request: CorrectionRequest }) {
  const v = useVoicesT();
  const id = useId();
  const answer = useAnswerRequest(request.id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A goal's or a figure's correction is a report; an indicator's a reading.
  const linkKind = request.subject.indicatorId === null ? 'status_event' : 'reading';

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const native = event.nativeEvent;
    const submitter = native instanceof SubmitEvent ? native.submitter : null;
    const outcome = submitter instanceof HTMLButtonElement && submitter.value === 'declined' ? 'declined' : 'accepted';
    const data = new FormData(form);
    const entry = formText(data, 'link').trim();
    const parsed = AnswerBody.safeParse({
      outcome,
      answer: formText(data, 'answer'),
      ...(outcome === 'accepted' && entry !== '' && { link: { kind: linkKind, id: Number(entry) } }),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    answer.mutate(parsed.data, { onError: (error) => setErrors(readWriteError(error).errors ?? {}) });
  };

  return (
    <form className="form" noValidate onSubmit={submit}>
      <Field id={`${id}-answer`} label={v.answer} hint={v.answerHint} error={errors.answer}>
        {(props) => <textarea {...props} name="answer" rows={3} maxLength={2000} />}
      </Field>
      <Field id={`${id}-link`} label={v.linkEntry} error={errors.link ?? errors['link.id']}>
        {(props) => <input {...props} name="link" inputMode="numeric" pattern="[0-9]*" />}
      </Field>
      {answer.error && !readWriteError(answer.error).errors && (
        <p className="form-error" role="alert">
          {answer.error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" name="outcome" value="accepted" disabled={answer.isPending}>
          {v.accept}
        </button>
        <button type="submit" name="outcome" value="declined" className="secondary" disabled={answer.isPending}>
          {v.decline}
        </button>
      </div>
    </form>
  );
}
