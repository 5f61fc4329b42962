import { useMutation } from '@tanstack/react-query'
import { Done } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** A logged-in person replaces their (temporary) password; needs the current one. */
export function changePassword(input: { currentPassword: string; newPassword: string }): Promise<{ status: 'ok' }> {
  return apiRequest('/api/password/change', Done, { method: 'POST', body: input })
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword })
}
