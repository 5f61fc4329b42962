import { useMutation } from '@tanstack/react-query'
import { LoginChallenge, type LoginRequest } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** Step one of logging in: the password. The answer says which second factors the account has. */
export function createSession(credentials: LoginRequest): Promise<LoginChallenge> {
  return apiRequest('/api/session', LoginChallenge, { method: 'POST', body: credentials })
}

/**
 * `nextStep` loads what the answer leads to (the second step's JavaScript and texts): asked for
 * together with the request, so it downloads while the server checks the password. A right
 * password is answered once both are in, so the step shows at once, and the form says "Even
 * geduld" until then. A wrong password is answered at once. Should the step fail to load, the
 * login does not fail: the step is asked for again when it is shown.
 */
export function useCreateSession(nextStep?: () => Promise<unknown>) {
  return useMutation({
    mutationFn: async (credentials: LoginRequest) => {
      const loading = nextStep?.().catch(() => undefined)
      const challenge = await createSession(credentials)
      await loading
      return challenge
    },
  })
}
