import { PasskeyRegistrationOptionsAnswer } from '@shared/schemas/profile.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** Step one of adding a passkey: the server's challenge. Needs a recent login. */
export function getPasskeyRegistrationOptions(): Promise<PasskeyRegistrationOptionsAnswer> {
  return apiRequest('/api/profile/passkeys/options', PasskeyRegistrationOptionsAnswer, { method: 'POST', body: {} })
}
