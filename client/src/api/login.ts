import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LoginBody, LoginResponse, SecondFactorBody } from '@zielmonitor/shared/schemas/auth';
import { authKeys } from './auth.ts';
import { api, ApiError } from './client.ts';

/** The steps of a login (password, second factor); kept out of auth.ts, which the first screen loads. */
const loginSchema = () => import('@zielmonitor/shared/schemas/auth').then((m) => m.LoginResponse);

/** Signed in (or out): logged-in answers differ (no cache, own goals), so everything is fetched again. */
export function signedIn(client: QueryClient, user: LoginResponse['user']): void {
  client.setQueryData(authKeys.me, { user });
  void client.invalidateQueries();
}

/** The server checks only a few passwords at once and says "busy, in a second" to the rest: try again, up to 3 times. */
const retryWhenBusy = (failures: number, error: Error) =>
  failures < 3 && error instanceof ApiError && error.body?.error.code === 'LOGIN_BUSY';

/** The password step; the answer says whether a second factor is asked for or must be set up first. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api(loginSchema, '/api/auth/login', { method: 'POST', json: body }),
    retry: retryWhenBusy,
    retryDelay: 1000,
    onSuccess: (data) => {
      if (data.step === 'signed-in') signedIn(client, data.user);
    },
  });
}

/** The second step with a code from the authenticator app or a recovery code. */
export function useSecondFactor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SecondFactorBody) => api(loginSchema, '/api/auth/second-factor', { method: 'POST', json: body }),
    onSuccess: (data) => signedIn(client, data.user),
  });
}

/** The second step with a passkey: the server's challenge, signed by the browser's authenticator. */
export function usePasskeyLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const [{ PasskeyRequestOptions }, { startAuthentication }] = await Promise.all([
        import('@zielmonitor/shared/schemas/passkey'),
        import('@simplewebauthn/browser'),
      ]);
      const options = await api(PasskeyRequestOptions, '/api/auth/passkey/options', { method: 'POST', json: {} });
      const credential = await startAuthentication({ optionsJSON: options });
      return api(loginSchema, '/api/auth/passkey', { method: 'POST', json: { credential } });
    },
    onSuccess: (data) => signedIn(client, data.user),
  });
}
