import { useQuery } from '@tanstack/react-query';
import { ROLES, type Role } from '@zielmonitor/shared/schemas/auth';
import { roleLabel } from '@zielmonitor/shared/vocabulary/roles';
import { ressortsQuery } from '../../api/meta.ts';
import { useT } from '../../lib/i18n.ts';
import { useAccountsT } from '../../lib/messages-accounts.ts';
import { Field } from '../../components/field.tsx';

/** Role and Ressorts of an account, for the invitation and for changing it. Only Ressorts that still exist. */
export function ScopeFields({
  idPrefix,
  role,
  ressorts,
  errors,
}: {
  idPrefix: string;
  role: Role;
  ressorts: string[];
  errors: Record<string, string>;
}) {
  const t = useT();
  const a = useAccountsT();
  const all = useQuery(ressortsQuery());
  const active = (all.data ?? []).filter((r) => r.validTo === null || ressorts.includes(r.code));
  return (
    <>
      <Field id={`${idPrefix}-role`} label={a.role} error={errors.role}>
        {(props) => (
          <select {...props} name="role" defaultValue={role}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r, t.lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="choice" aria-describedby={errors.ressorts ? `${idPrefix}-ressorts-error` : undefined}>
        <legend>{a.ressorts}</legend>
        <p className="field-hint">{a.ressortsHint}</p>
        {active.map((r) => (
          <label key={r.code}>
            <input type="checkbox" name="ressorts" value={r.code} defaultChecked={ressorts.includes(r.code)} /> {r.code}{' '}
            – {r.name ?? r.code}
          </label>
        ))}
        {errors.ressorts && (
          <p id={`${idPrefix}-ressorts-error`} className="field-error">
            {errors.ressorts}
          </p>
        )}
      </fieldset>
    </>
  );
}
