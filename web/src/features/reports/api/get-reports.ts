import { useInfiniteQuery } from '@tanstack/react-query'
import { ReportPage } from '@shared/schemas/reports.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

export type ReportFilters = { q?: string; from?: string; to?: string }

export function getReports(clientId: string, filters: ReportFilters, cursor: string | null, signal?: AbortSignal): Promise<ReportPage> {
  const query = new URLSearchParams({ limit: '20' })
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value)
  if (cursor) query.set('cursor', cursor)
  return apiRequest(clientApiPath(clientId, `reports?${query}`), ReportPage, { signal })
}

/** Newest first, twenty at a time; "Meer laden" asks for the page after the last one (keyset cursor). */
export function useReports(clientId: string, filters: ReportFilters) {
  return useInfiniteQuery({
    queryKey: ['client', clientId, 'reports', filters],
    queryFn: ({ pageParam, signal }) => getReports(clientId, filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })
}
