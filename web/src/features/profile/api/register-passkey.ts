import { Profile, type RegisterPasskeyRequest } from '@shared/schemas/profile.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** Step two of adding a passkey: what the device made, with the name the person chose. */
export function registerPasskey(request: RegisterPasskeyRequest): Promise<Profile> {
  return apiRequest('/api/profile/passkeys', Profile, { method: 'POST', body: request })
}
