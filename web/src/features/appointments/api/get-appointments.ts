import { useInfiniteQuery } from '@tanstack/react-query'
import { AppointmentList, type AppointmentPeriod } from '@shared/schemas/appointments.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

export function getAppointments(clientId: string, period: AppointmentPeriod, cursor: string | null, signal?: AbortSignal): Promise<AppointmentList> {
  const query = new URLSearchParams({ period, limit: '20' })
  if (cursor) query.set('cursor', cursor)
  return apiRequest(clientApiPath(clientId, `appointments?${query}`), AppointmentList, { signal })
}

/** upcoming: soonest first; past: most recent first; twenty at a time. */
export function useAppointments(clientId: string, period: AppointmentPeriod) {
  return useInfiniteQuery({
    queryKey: ['client', clientId, 'appointments', period],
    queryFn: ({ pageParam, signal }) => getAppointments(clientId, period, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  })
}
