import { useQuery } from '@tanstack/react-query'
import { WorkspaceClient } from '@shared/schemas/workspace.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

export function getClient(clientId: string, signal?: AbortSignal): Promise<WorkspaceClient> {
  return apiRequest(workspaceApiPath(clientId), WorkspaceClient, { signal })
}

/** Name, client number and date of birth for the heading of the record; 404 when the client is not of the caregiver's teams. */
export function useWorkspaceClient(clientId: string) {
  return useQuery({ queryKey: [...workspaceClientKey(clientId), 'heading'], queryFn: ({ signal }) => getClient(clientId, signal) })
}
