import { useMutation } from '@tanstack/react-query'
import { Done } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** Sets the password through a welcome or reset link. It does not log the person in. */
export function setPassword(input: { token: string; password: string }): Promise<{ status: 'ok' }> {
  return apiRequest('/api/password/set', Done, { method: 'POST', body: input })
}

export function useSetPassword() {
  return useMutation({ mutationFn: setPassword })
}
