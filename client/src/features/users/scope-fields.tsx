import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ROLES, Role } from '@zielmonitor/shared/schemas/auth';
import { roleLabel } from '@zielmonitor/shared/vocabulary/roles';
import { ressortsQuery } from '../../api/meta.ts';
import { useT } from '../../lib/i18n.ts';
import { useAccountsT } from '../../lib/messages-accounts.ts';
import { Field } from '../../components/field.tsx';
import { formText } from '../../lib/form-text.ts';

/** Whom an account acts for, as its form reads it back: Ressorts, or (an assessor) an organisation. */
export function scopeOf(data: FormData): { role: string; ressorts: string[]; organisation: string | null } {
  const role = formText(data, 'role');
  return {
    role,
    // The half of the form not shown does not count: an assessor has no Ressorts, the others no organisation.
    ressorts: role === 'assessor' ? [] : data.getAll('ressorts').filter((v) => typeof v === 'string'),
    organisation: role === 'assessor' ? formText(data, 'organisation') : null,
  };
}

/**
 * Role and scope of an account, for the invitation and for changing it: Ressorts (only those that
 * still exist) for the government's roles, an organisation for an independent assessor.
 */
export function ScopeFields({
  idPrefix,
  role: initialRole,
  ressorts,
  organisation,
  errors,
}: {
  idPrefix: string;
  role: Role;
  ressorts: string[];
  organisation: string | null;
  errors: Record<string, string>;
}) {
  const t = useT();
  const a = useAccountsT();
  const [role, setRole] = useState<Role>(initialRole);
  const all = useQuery(ressortsQuery());
  const active = (all.data ?? []).filter((r) => r.validTo === null || ressorts.includes(r.code));
  return (
    <>
      <Field id={`${idPrefix}-role`} label={a.role} error={errors.role}>
        {(props) => (
          <select
            {...props}
            name="role"
            value={role}
            onChange={(event) => {
              const chosen = Role.safeParse(event.currentTarget.value);
              if (chosen.success) setRole(chosen.data);
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r, t.lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {role === 'assessor' ? (
        <Field
          id={`${idPrefix}-organisation`}
          label={a.organisation}
          hint={a.organisationHint}
          error={errors.organisation}
        >
          {(props) => (
            <input {...props} name="organisation" defaultValue={organisation ?? ''} autoComplete="organization" />
          )}
        </Field>
      ) : (
        <fieldset className="choice" aria-describedby={errors.ressorts ? `${idPrefix}-ressorts-error` : undefined}>
          <legend>{a.ressorts}</legend>
          <p className="field-hint">{a.ressortsHint}</p>
          {active.map((r) => (
            <label key={r.code}>
              <input type="checkbox" name="ressorts" value={r.code} defaultChecked={ressorts.includes(r.code)} />{' '}
              {r.code} – {r.name ?? r.code}
            </label>
          ))}
          {errors.ressorts && (
            <p id={`${idPrefix}-ressorts-error`} className="field-error">
              {errors.ressorts}
            </p>
          )}
        </fieldset>
      )}
    </>
  );
}
