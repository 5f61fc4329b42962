import { Done, type PasskeyLoginRequest } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** Step two: the signed challenge. On success the server sets the session cookie. */
export function verifyPasskeyLogin(request: PasskeyLoginRequest): Promise<unknown> {
  return apiRequest('/api/session/passkey/verify', Done, { method: 'POST', body: request })
}
