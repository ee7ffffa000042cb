import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type SubmitEvent } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'wouter';
import { QUALIFIERS } from '@zielmonitor/shared/indicators/trajectory';
import { ReadingBody } from '@zielmonitor/shared/schemas/indicator-write';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { meQuery } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { afterReading, indicatorQuery, useReportReading } from '../../api/indicators.ts';
import { QueryState } from '../../components/query-state.tsx';
import { fieldErrors } from '../../lib/field-errors.ts';
import { useIndicatorText } from '../../lib/indicator-text.ts';
import { Field } from '../../components/field.tsx';
import { RatingText } from '../../components/indicators/rating-text.tsx';
import { formText } from '../../lib/form-text.ts';
import { useVoicesT } from '../../lib/messages-voices.ts';

/** A controller reports a measured value; validated with the server's own zod schema, errors inline. */
export function ReadingFormPage() {
  const x = useIndicatorText();
  const { id = '' } = useParams();
  const [, navigate] = useLocation();
  const me = useQuery(meQuery());
  const indicator = useQuery(indicatorQuery(id, {}));
  const report = useReportReading(id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  // An assessor reports on the independent track for their organisation (the server decides who may).
  const [params] = useSearchParams();
  const independent = params.get('spur') === 'unabhaengig';
  const v = useVoicesT();
  const organisation = me.data?.user?.organisation ?? null;

  if (me.data && !me.data.user)
    return (
      <section>
        <h1>{x.form.title}</h1>
        <p>
          <Link to="/anmelden">{x.form.loginFirst}</Link>
        </p>
      </section>
    );

  const submit = (event: SubmitEvent<HTMLFormElement>, revision: number) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => formText(data, name).trim();
    const value = text('value').replace(',', '.');
    const body = {
      value: value === '' ? Number.NaN : Number(value),
      qualifier: text('qualifier'),
      date: text('date'),
      ...(text('valueWording') && { valueWording: text('valueWording') }),
      note: text('note'),
      evidence: {
        ...(text('evidenceUrl') && { url: text('evidenceUrl') }),
        ...(text('evidenceReference') && { reference: text('evidenceReference') }),
      },
      expectedRevision: revision,
      track: independent ? 'independent' : 'official',
    };
    const parsed = ReadingBody.safeParse(body);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors({});
    report.mutate(parsed.data, {
      onSuccess: (result) => navigate(afterReading(id, result)),
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409) void indicator.refetch();
        else if (error instanceof ApiError && error.body?.error.issues) {
          setErrors(Object.fromEntries(error.body.error.issues.map((i) => [i.field, i.message])));
        }
        requestAnimationFrame(() => summaryRef.current?.focus());
      },
    });
  };

  const failure =
    report.error instanceof ApiError && report.error.status === 409
      ? x.form.conflict
      : report.error instanceof ApiError && report.error.status === 403
        ? x.form.forbidden
        : report.error && !(report.error instanceof ApiError && report.error.body?.error.issues)
          ? report.error.message
          : null;

  return (
    <QueryState query={indicator}>
      {(i) => (
        <section className="narrow">
          <p>
            <Link to={`/kennzahlen/${encodeURIComponent(i.id)}`}>← {i.name}</Link>
          </p>
          <h1>
            {independent ? v.assessReading : x.form.title}: {i.name}
          </h1>
          {independent && organisation && <p>{v.assessIntro(organisation)}</p>}
          <p>{i.measure}</p>
          <p>
            {x.trackOfficial}: <RatingText rating={i.rating.official} indicator={i} />
          </p>
          <div ref={summaryRef} tabIndex={-1} aria-live="assertive">
            {Object.keys(errors).length > 0 && (
              <p className="form-error" role="alert">
                {x.form.errors(Object.keys(errors).length)}
              </p>
            )}
            {failure && (
              <p className="form-error" role="alert" data-testid="reading-failure">
                {failure}
              </p>
            )}
          </div>
          <form className="form" noValidate onSubmit={(e) => submit(e, i.revision)}>
            <Field
              id="value"
              label={`${x.form.value}${i.unit === 'percent' ? ` (${x.form.unitPercent})` : i.unitPlural ? ` (${i.unitPlural})` : ''}`}
              error={errors.value}
            >
              {(props) => <input {...props} name="value" type="text" inputMode="decimal" required />}
            </Field>
            <Field id="qualifier" label={x.form.qualifier} error={errors.qualifier}>
              {(props) => (
                <select {...props} name="qualifier" defaultValue="exact">
                  {QUALIFIERS.map((q) => (
                    <option key={q} value={q}>
                      {x.form.qualifierOption[q]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="date" label={x.form.date} hint={x.form.dateHint} error={errors.date}>
              {(props) => <input {...props} name="date" type="text" defaultValue={todayInBerlin()} required />}
            </Field>
            <Field id="valueWording" label={x.form.valueWording} error={errors.valueWording}>
              {(props) => <input {...props} name="valueWording" type="text" maxLength={500} />}
            </Field>
            <Field id="note" label={x.form.note} error={errors.note}>
              {(props) => <textarea {...props} name="note" rows={3} maxLength={2000} />}
            </Field>
            <Field
              id="evidenceUrl"
              label={x.form.evidenceUrl}
              hint={x.form.evidenceHint}
              error={errors['evidence.url']}
            >
              {(props) => <input {...props} name="evidenceUrl" type="url" inputMode="url" />}
            </Field>
            <Field id="evidenceReference" label={x.form.evidenceReference} error={errors['evidence.reference']}>
              {(props) => <input {...props} name="evidenceReference" type="text" maxLength={200} />}
            </Field>
            <div className="form-actions">
              <button type="submit" disabled={report.isPending}>
                {x.form.submit}
              </button>
              <Link to={`/kennzahlen/${encodeURIComponent(i.id)}`}>{x.form.cancel}</Link>
            </div>
          </form>
        </section>
      )}
    </QueryState>
  );
}
