import { useMutation } from '@tanstack/react-query'
import { LoginChallenge, type LoginRequest } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** Step one of logging in: the password. The answer says which second factors the account has. */
export function createSession(credentials: LoginRequest): Promise<LoginChallenge> {
  return apiRequest('/api/session', LoginChallenge, { method: 'POST', body: credentials })
}

export function useCreateSession() {
  return useMutation({ mutationFn: createSession })
}
