import { useInfiniteQuery } from '@tanstack/react-query'
import { AccessLogPage } from '@shared/schemas/admin-access-log.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

/** What an administrator searches the log by (AccessLogExportQuery's fields; all optional). */
export type AccessLogFilters = { clientId?: string; actorId?: string; actorName?: string; from?: string; until?: string; action?: string }

/** The filters as query parameters, shared by the search and the CSV export link. */
export function accessLogQuery(filters: AccessLogFilters): URLSearchParams {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value)
  return query
}

export function searchAccessLog(filters: AccessLogFilters, cursor: string | null, signal?: AbortSignal): Promise<AccessLogPage> {
  const query = accessLogQuery(filters)
  query.set('limit', '50')
  if (cursor) query.set('cursor', cursor)
  return apiRequest(`/api/admin/access-log?${query}`, AccessLogPage, { signal })
}

/** The access log, newest first, 50 lines a page; each search is itself logged by the server. */
export function useAccessLogSearch(filters: AccessLogFilters | null) {
  return useInfiniteQuery({
    queryKey: adminKey('accessLog', filters),
    queryFn: ({ pageParam, signal }) => searchAccessLog(filters ?? {}, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: filters !== null,
    staleTime: 0,
  })
}

/** The address of the CSV download for the same filters (an attachment, served with the session cookie). */
export function accessLogExportUrl(filters: AccessLogFilters): string {
  const query = accessLogQuery(filters).toString()
  return `/api/admin/access-log/export.csv${query ? `?${query}` : ''}`
}
