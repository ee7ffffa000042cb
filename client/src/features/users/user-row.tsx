import { useState, type SubmitEvent } from 'react';
import { UpdateUserBody, type UserSummary } from '@zielmonitor/shared/schemas/accounts';
import { formatDateTime } from '@zielmonitor/shared/time/format';
import { roleLabel } from '@zielmonitor/shared/vocabulary/roles';
import { useUpdateUser, useUserAction, type UserAction } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { fieldErrors, serverFieldErrors } from '../../lib/field-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { useAccountsT } from '../../lib/messages-accounts.ts';
import { IssuedLinkNote } from './invite-form.tsx';
import { ScopeFields, scopeOf } from './scope-fields.tsx';

/** The actions that make sense for an account in its state (one's own account is managed under "Mein Konto"). */
function actionsFor(user: UserSummary, self: boolean): UserAction[] {
  if (self) return [];
  if (user.state === 'disabled') return ['enable'];
  const factors = user.secondFactor.totp + user.secondFactor.passkeys;
  return [
    ...(user.state === 'invited' ? (['invitation'] as const) : (['password-reset', 'end-sessions'] as const)),
    ...(factors > 0 ? (['reset-second-factor'] as const) : []),
    'disable',
  ];
}

export function UserRow({ user, self }: { user: UserSummary; self: boolean }) {
  const t = useT();
  const a = useAccountsT();
  const act = useUserAction();
  const [editing, setEditing] = useState(false);
  const factors = user.secondFactor.totp + user.secondFactor.passkeys;
  return (
    <tr data-testid={`user-${user.email}`}>
      <th scope="row">
        {user.name}
        <br />
        <span className="muted">{user.email}</span>
      </th>
      <td>
        {editing ? (
          <EditScope user={user} onDone={() => setEditing(false)} />
        ) : (
          <>
            {roleLabel(user.role, t.lang)}
            {user.ressorts.length > 0 && `: ${user.ressorts.join(', ')}`}
            {user.organisation && `: ${user.organisation}`}{' '}
            <button type="button" className="button-link secondary" onClick={() => setEditing(true)}>
              {a.edit}
            </button>
          </>
        )}
      </td>
      <td>
        {a.state[user.state]}
        {user.sessions > 0 && <span className="muted"> · {a.sessionsOpen(user.sessions)}</span>}
        {user.openLink && (
          <span className="muted"> · {a.openLink(formatDateTime(user.openLink.expiresAt, t.lang))}</span>
        )}
      </td>
      <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, t.lang) : a.never}</td>
      <td>
        {factors === 0
          ? a.noFactor
          : a.factorSummary(user.secondFactor.totp, user.secondFactor.passkeys, user.secondFactor.recoveryCodesLeft)}
      </td>
      <td>
        <div className="form-actions">
          {actionsFor(user, self).map((action) => (
            <button
              key={action}
              type="button"
              disabled={act.isPending}
              onClick={() => act.mutate({ id: user.id, action })}
            >
              {a.actions[action]}
            </button>
          ))}
        </div>
        {act.data?.link && <IssuedLinkNote link={act.data.link} />}
        {act.isSuccess && !act.data.link && (
          <p role="status" className="saved">
            {a.done(a.actions[act.variables.action], user.name)}
          </p>
        )}
        {act.error && (
          <p role="alert" className="form-error">
            {act.error instanceof ApiError ? act.error.message : t.errorOffline}
          </p>
        )}
      </td>
    </tr>
  );
}

function EditScope({ user, onDone }: { user: UserSummary; onDone: () => void }) {
  const t = useT();
  const a = useAccountsT();
  const update = useUpdateUser();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = UpdateUserBody.safeParse(scopeOf(data));
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    update.mutate(
      { id: user.id, ...parsed.data },
      {
        onSuccess: onDone,
        onError: (error) => setErrors(error instanceof ApiError ? serverFieldErrors(error.body?.error.issues) : {}),
      },
    );
  };
  const serverError = update.error instanceof ApiError ? update.error.message : update.error ? t.errorOffline : null;
  return (
    <form onSubmit={submit} noValidate className="form">
      {serverError && Object.keys(errors).length === 0 && (
        <p role="alert" className="form-error">
          {serverError}
        </p>
      )}
      <ScopeFields
        idPrefix={`user-${user.id}`}
        role={user.role}
        ressorts={user.ressorts}
        organisation={user.organisation}
        errors={errors}
      />
      <p className="form-actions">
        <button type="submit" disabled={update.isPending}>
          {a.save}
        </button>
        <button type="button" onClick={onDone}>
          {a.cancel}
        </button>
      </p>
    </form>
  );
}
