import { useMutation } from '@tanstack/react-query'
import { SmsCodeSent } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** "SMS-inlogcode aanvragen": sends a code for this login attempt; the answer holds its first four digits. */
export function requestSmsCode(attemptToken: string): Promise<SmsCodeSent> {
  return apiRequest('/api/session/sms-code', SmsCodeSent, { method: 'POST', body: { attemptToken } })
}

export function useRequestSmsCode() {
  return useMutation({ mutationFn: requestSmsCode })
}
