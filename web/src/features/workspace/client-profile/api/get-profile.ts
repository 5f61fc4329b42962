import { useQuery } from '@tanstack/react-query'
import { ClientProfile } from '@shared/schemas/client-profile.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

export function getProfile(clientId: string, signal?: AbortSignal): Promise<ClientProfile> {
  return apiRequest(workspaceApiPath(clientId, 'profile'), ClientProfile, { signal })
}

/** The client's profile with the BSN masked. */
export function useWorkspaceProfile(clientId: string) {
  return useQuery({ queryKey: [...workspaceClientKey(clientId), 'profile'], queryFn: ({ signal }) => getProfile(clientId, signal) })
}
