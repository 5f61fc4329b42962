import { PasskeyAuthenticationOptionsAnswer } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** Step one of logging in with a passkey: a fresh challenge for any of this site's passkeys. */
export function getPasskeyLoginOptions(): Promise<PasskeyAuthenticationOptionsAnswer> {
  return apiRequest('/api/session/passkey/options', PasskeyAuthenticationOptionsAnswer, { method: 'POST', body: {} })
}
