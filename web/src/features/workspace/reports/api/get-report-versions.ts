import { useQuery } from '@tanstack/react-query'
import { ReportVersionList } from '@shared/schemas/workspace-record.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

export function getReportVersions(clientId: string, reportId: string, signal?: AbortSignal): Promise<ReportVersionList> {
  return apiRequest(workspaceApiPath(clientId, `reports/${encodeURIComponent(reportId)}/versions`), ReportVersionList, { signal })
}

/** The earlier texts of a corrected report, oldest first; asked for only when someone opens them. */
export function useReportVersions(clientId: string, reportId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...workspaceClientKey(clientId), 'reports', 'versions', reportId],
    queryFn: ({ signal }) => getReportVersions(clientId, reportId, signal),
    enabled,
  })
}
