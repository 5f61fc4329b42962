import { useMutation } from '@tanstack/react-query'
import { RevealedBsn } from '@shared/schemas/client-profile.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath } from '../../workspace-paths.ts'

export function revealBsn(clientId: string): Promise<RevealedBsn> {
  return apiRequest(workspaceApiPath(clientId, 'profile/bsn'), RevealedBsn, { method: 'POST', body: {} })
}

/** "Toon BSN": a deliberate, logged act, never prefetched or cached; the number lives only in this mutation's state. */
export function useRevealBsn(clientId: string) {
  return useMutation({ mutationFn: () => revealBsn(clientId) })
}
