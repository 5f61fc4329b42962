import { useMutation } from '@tanstack/react-query'
import { RevealedBsn } from '@shared/schemas/client-profile.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

export function revealBsn(clientId: string): Promise<RevealedBsn> {
  return apiRequest(clientApiPath(clientId, 'profile/bsn'), RevealedBsn, { method: 'POST', body: {} })
}

/**
 * "Toon BSN": asked for on purpose, logged on its own by the server. The number lives only
 * in this mutation's state (not in the query cache), and goes when the page is left.
 */
export function useRevealBsn(clientId: string) {
  return useMutation({ mutationFn: () => revealBsn(clientId) })
}
