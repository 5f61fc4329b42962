import { useQuery } from '@tanstack/react-query'
import { CarePlanPrintList } from '@shared/schemas/care-plan-prints.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

export function getPrints(clientId: string, signal?: AbortSignal): Promise<CarePlanPrintList> {
  return apiRequest(workspaceApiPath(clientId, 'care-plan-prints'), CarePlanPrintList, { signal })
}

/** The signed care-plan prints, newest first. */
export function useWorkspacePrints(clientId: string) {
  return useQuery({ queryKey: [...workspaceClientKey(clientId), 'prints'], queryFn: ({ signal }) => getPrints(clientId, signal) })
}
