import { useInfiniteQuery } from '@tanstack/react-query'
import { WorkspaceReportPage } from '@shared/schemas/workspace-record.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

export type ReportView = 'all' | 'portal'

export function getReports(clientId: string, view: ReportView, cursor: string | null, signal?: AbortSignal): Promise<WorkspaceReportPage> {
  const query = new URLSearchParams({ view, limit: '20' })
  if (cursor) query.set('cursor', cursor)
  return apiRequest(workspaceApiPath(clientId, `reports?${query}`), WorkspaceReportPage, { signal })
}

/** Newest first, twenty at a time: all of them (hidden ones marked), or only what the portal shows. */
export function useWorkspaceReports(clientId: string, view: ReportView) {
  return useInfiniteQuery({
    queryKey: [...workspaceClientKey(clientId), 'reports', view],
    queryFn: ({ pageParam, signal }) => getReports(clientId, view, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })
}
