import { useMutation } from '@tanstack/react-query'
import { TotpEnrolment } from '@shared/schemas/profile.ts'
import { apiRequest } from '@/lib/api-client.ts'


export function startTotpEnrolment(): Promise<TotpEnrolment> {
  return apiRequest('/api/profile/totp', TotpEnrolment, { method: 'POST', body: {} })
}

/** Starts (or starts again) setting up an authenticator app: the QR code and the secret to type. */
export function useStartTotpEnrolment() {
  return useMutation({ mutationFn: startTotpEnrolment })
}
