import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Type } from 'typebox'
import type { ReportRequest } from '@shared/schemas/workspace-record.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

const Created = Type.Object({ id: Type.String() })

export function writeReport(clientId: string, request: ReportRequest) {
  return apiRequest(workspaceApiPath(clientId, 'reports'), Created, { method: 'POST', body: request })
}

/** A new report of the caregiver's team; with "Zichtbaar in portaal" off the portal never shows it. */
export function useWriteReport(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: ReportRequest) => writeReport(clientId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...workspaceClientKey(clientId), 'reports'] }),
  })
}
