import { Done } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** "Uitloggen": ends the session on the server and clears the cookie. */
export function endSession(): Promise<{ status: 'ok' }> {
  return apiRequest('/api/session/logout', Done, { method: 'POST', body: {} })
}
