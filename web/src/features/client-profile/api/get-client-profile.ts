import { useQuery } from '@tanstack/react-query'
import { ClientProfile } from '@shared/schemas/client-profile.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

export function getClientProfile(clientId: string, signal?: AbortSignal): Promise<ClientProfile> {
  return apiRequest(clientApiPath(clientId, 'profile'), ClientProfile, { signal })
}

/** The client's profile, with BSN and bank account masked. */
export function useClientProfile(clientId: string) {
  return useQuery({ queryKey: ['client', clientId, 'profile'], queryFn: ({ signal }) => getClientProfile(clientId, signal) })
}
