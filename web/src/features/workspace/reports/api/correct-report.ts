import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Type } from 'typebox'
import type { ReportRequest } from '@shared/schemas/workspace-record.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

const Corrected = Type.Object({ id: Type.String() })

export function correctReport(clientId: string, reportId: string, request: ReportRequest) {
  return apiRequest(workspaceApiPath(clientId, `reports/${encodeURIComponent(reportId)}`), Corrected, { method: 'PUT', body: request })
}

/** One's own report, within 24 hours of writing it; the server keeps the earlier text as a version. */
export function useCorrectReport(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ reportId, request }: { reportId: string; request: ReportRequest }) => correctReport(clientId, reportId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...workspaceClientKey(clientId), 'reports'] }),
  })
}
