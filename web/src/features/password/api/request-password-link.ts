import { useMutation } from '@tanstack/react-query'
import { ForgotPasswordAccepted } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** "Wachtwoord vergeten?": the server answers the same whether or not the account exists. */
export function requestPasswordLink(loginName: string) {
  return apiRequest('/api/password/forgot', ForgotPasswordAccepted, { method: 'POST', body: { loginName } })
}

export function useRequestPasswordLink() {
  return useMutation({ mutationFn: requestPasswordLink })
}
