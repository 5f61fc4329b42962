import { useQuery } from '@tanstack/react-query'
import { WorkspaceCareTeam } from '@shared/schemas/workspace-record.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

export function getCareTeam(clientId: string, signal?: AbortSignal): Promise<WorkspaceCareTeam> {
  return apiRequest(workspaceApiPath(clientId, 'care-team'), WorkspaceCareTeam, { signal })
}

/** Every assignment (past, current, future) and today's summary, as the portal shows it. */
export function useCareTeam(clientId: string) {
  return useQuery({ queryKey: [...workspaceClientKey(clientId), 'care-team'], queryFn: ({ signal }) => getCareTeam(clientId, signal) })
}
