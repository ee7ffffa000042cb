import { useId, useState, type SubmitEvent } from 'react';
import { ReplySupersedeBody } from '@zielmonitor/shared/schemas/reply';
import { useSupersedeReply } from '../../api/voices.ts';
import { formText } from '../../lib/form-text.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { useVoicesT } from '../../lib/messages-voices.ts';
import { Field } from '../field.tsx';

/** Withdrawing one's own reply, with a reason: the text stays visible, struck through. */
export function ReplyWithdraw({ replyId }: { replyId: number }) {
  const v = useVoicesT();
  const id = useId();
  const withdraw = useSupersedeReply(replyId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ReplySupersedeBody.safeParse({
      kind: 'withdrawal',
      reason: formText(new FormData(event.currentTarget), 'reason'),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    withdraw.mutate(parsed.data);
  };
  return (
    <details className="event-actions">
      <summary>{v.replyWithdraw}</summary>
      <form className="form" noValidate onSubmit={submit}>
        <Field id={`${id}-reason`} label={v.withdrawReason} error={errors.reason}>
          {(props) => <textarea {...props} name="reason" rows={2} maxLength={1000} />}
        </Field>
        {withdraw.error && (
          <p className="form-error" role="alert">
            {withdraw.error.message}
          </p>
        )}
        <button type="submit" className="secondary" disabled={withdraw.isPending}>
          {v.withdrawSubmit}
        </button>
      </form>
    </details>
  );
}
