import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  ChangePasswordBody,
  CreateUserBody,
  ForgotPasswordBody,
  SetPasswordBody,
  TotpConfirmBody,
  UpdateUserBody,
} from '@zielmonitor/shared/schemas/accounts';
import { signedIn } from './login.ts';
import { api } from './client.ts';
import { invalidate } from './query-client.ts';

/** Accounts: "Mein Konto" (password, second factors, sessions), links, and the administration's list. */
const schemas = () => import('@zielmonitor/shared/schemas/accounts');
const passkeySchemas = () => import('@zielmonitor/shared/schemas/passkey');

const accountKeys = {
  account: ['account'] as const,
  sessions: ['account', 'sessions'] as const,
  users: ['users'] as const,
  link: (token: string) => ['password-link', token] as const,
};

export const accountQuery = () =>
  queryOptions({
    queryKey: accountKeys.account,
    queryFn: () => api(() => schemas().then((m) => m.AccountResponse), '/api/account'),
  });

export const sessionsQuery = () =>
  queryOptions({
    queryKey: accountKeys.sessions,
    queryFn: () => api(() => schemas().then((m) => m.SessionsResponse), '/api/account/sessions'),
  });

export const usersQuery = () =>
  queryOptions({
    queryKey: accountKeys.users,
    queryFn: () => api(() => schemas().then((m) => m.UsersResponse), '/api/users'),
  });

/** What a link is for, for whom and until when; a used or expired one answers 410. */
export const linkQuery = (token: string) =>
  queryOptions({
    queryKey: accountKeys.link(token),
    queryFn: () =>
      api(() => schemas().then((m) => m.LinkInfo), '/api/auth/password-link', { method: 'POST', json: { token } }),
    staleTime: Infinity,
  });

const post = <T>(schema: () => Promise<import('zod').ZodType<T>>, path: string, json: unknown = {}) =>
  api(schema, path, { method: 'POST', json });

export function useSetPasswordByLink() {
  return useMutation({
    mutationFn: (body: SetPasswordBody) =>
      post(() => schemas().then((m) => m.SetPasswordResponse), '/api/auth/password-link/password', body),
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (body: ForgotPasswordBody) =>
      post(() => schemas().then((m) => m.AcceptedResponse), '/api/auth/password-reset', body),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) =>
      post(() => schemas().then((m) => m.EndedResponse), '/api/account/password', body),
    onSettled: () => invalidate(client, accountKeys.account),
  });
}

/** A new authenticator-app secret; signed in the current password is asked for again, at the first login not. */
export function useStartTotp() {
  return useMutation({
    mutationFn: (currentPassword: string | undefined) =>
      post(() => schemas().then((m) => m.TotpSetupResponse), '/api/account/totp', { currentPassword }),
  });
}

/** Confirms the app with its first code; at the first login this completes the login. */
export function useConfirmTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TotpConfirmBody) =>
      post(() => schemas().then((m) => m.EnrolledResponse), '/api/account/totp/confirm', body),
    onSuccess: (data) => signedIn(client, data.user),
  });
}

export function useAddPasskey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ currentPassword, label }: { currentPassword: string | undefined; label?: string }) => {
      const [{ PasskeyCreationOptions }, { startRegistration }] = await Promise.all([
        passkeySchemas(),
        import('@simplewebauthn/browser'),
      ]);
      const options = await post(() => Promise.resolve(PasskeyCreationOptions), '/api/account/passkeys/options', {
        currentPassword,
      });
      const credential = await startRegistration({ optionsJSON: options });
      return post(() => schemas().then((m) => m.EnrolledResponse), '/api/account/passkeys', { credential, label });
    },
    onSuccess: (data) => signedIn(client, data.user),
  });
}

export function useRemoveFactor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, currentPassword }: { id: number; currentPassword: string }) =>
      post(() => schemas().then((m) => m.AccountResponse), `/api/account/factors/${id}/remove`, { currentPassword }),
    onSuccess: (data) => client.setQueryData(accountKeys.account, data),
  });
}

export function useNewRecoveryCodes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (currentPassword: string) =>
      post(() => schemas().then((m) => m.RecoveryCodesResponse), '/api/account/recovery-codes', { currentPassword }),
    onSettled: () => invalidate(client, accountKeys.account),
  });
}

export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    /** A session's public id, or 'others' for every session but this one. */
    mutationFn: (id: string) =>
      post(
        () => schemas().then((m) => m.EndedResponse),
        id === 'others' ? '/api/account/sessions/end-others' : `/api/account/sessions/${id}/end`,
      ),
    onSettled: () => invalidate(client, accountKeys.sessions),
  });
}

// --- Administration ------------------------------------------------------------------------

export function useInviteUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => post(() => schemas().then((m) => m.UserWithLinkResponse), '/api/users', body),
    onSettled: () => invalidate(client, accountKeys.users),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserBody & { id: number }) =>
      api(() => schemas().then((m) => m.UserResponse), `/api/users/${id}`, { method: 'PATCH', json: body }),
    onSettled: () => invalidate(client, accountKeys.users),
  });
}

export type UserAction =
  'disable' | 'enable' | 'end-sessions' | 'reset-second-factor' | 'invitation' | 'password-reset';

/** One of the administration's actions on an account; invitation and reset answer with the link made. */
export function useUserAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: UserAction }) =>
      post(
        // Invitation and reset answer with the link made as well.
        () => schemas().then((m) => m.UserResponse.extend({ link: m.IssuedLink.optional() })),
        `/api/users/${id}/${action}`,
      ),
    onSettled: () => invalidate(client, accountKeys.users),
  });
}
