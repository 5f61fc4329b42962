import { useMutation } from '@tanstack/react-query'
import { Type } from 'typebox'
import type { LoginRequest } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'

/**
 * The answer to a successful login is not defined yet (it arrives with the accounts
 * issue); until then the server always refuses, and no answer is treated as a login.
 */
const SessionCreated = Type.Unknown()

export function createSession(credentials: LoginRequest): Promise<unknown> {
  return apiRequest('/api/session', SessionCreated, { method: 'POST', body: credentials })
}

export function useCreateSession() {
  return useMutation({ mutationFn: createSession })
}
