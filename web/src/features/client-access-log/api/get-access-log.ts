import { useInfiniteQuery } from '@tanstack/react-query'
import { AccessLogPage } from '@shared/schemas/client-access-log.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

export type AccessLogPeriod = { from?: string; to?: string }

export function getAccessLog(clientId: string, period: AccessLogPeriod, cursor: string | null, signal?: AbortSignal): Promise<AccessLogPage> {
  const query = new URLSearchParams()
  if (period.from) query.set('from', period.from)
  if (period.to) query.set('to', period.to)
  if (cursor) query.set('cursor', cursor)
  return apiRequest(clientApiPath(clientId, `access-log?${query}`), AccessLogPage, { signal })
}

/** Who looked at the record, newest day first, whole days per page; similar lines of a day are merged. */
export function useAccessLog(clientId: string, period: AccessLogPeriod) {
  return useInfiniteQuery({
    queryKey: ['client', clientId, 'access-log', period],
    queryFn: ({ pageParam, signal }) => getAccessLog(clientId, period, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  })
}
