import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Done } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { needsReauthentication } from '../utils/errors.ts'
import { SESSIONS_KEY } from './get-sessions.ts'
import { reauthenticate } from './reauthenticate.ts'

export type ChangePasswordValues = { currentPassword: string; newPassword: string }

export function changePassword(request: ChangePasswordValues): Promise<unknown> {
  return apiRequest('/api/password/change', Done, { method: 'POST', body: request })
}

/**
 * When the login is no longer recent, the current password the person just typed is the
 * proof the server asks for: it goes to the re-authentication route and the change is
 * repeated, without asking for the password a second time.
 */
async function changePasswordWithProof(values: ChangePasswordValues): Promise<unknown> {
  try {
    return await changePassword(values)
  } catch (error) {
    if (!needsReauthentication(error)) throw error
    await reauthenticate({ password: values.currentPassword })
    return changePassword(values)
  }
}

/** "Wachtwoord wijzigen" in the profile: the current password and the new one. */
export function useChangePassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: changePasswordWithProof,
    // A new password may end the sessions on other devices.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  })
}
