import { useInfiniteQuery } from '@tanstack/react-query'
import type { AppointmentPeriod } from '@shared/schemas/appointments.ts'
import { WorkspaceAppointmentList } from '@shared/schemas/workspace.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

export function getAppointments(clientId: string, period: AppointmentPeriod, cursor: string | null, signal?: AbortSignal): Promise<WorkspaceAppointmentList> {
  const query = new URLSearchParams({ period, limit: '20' })
  if (cursor) query.set('cursor', cursor)
  return apiRequest(workspaceApiPath(clientId, `appointments?${query}`), WorkspaceAppointmentList, { signal })
}

/** upcoming: soonest first; past: most recent first; each with who made it. */
export function useWorkspaceAppointments(clientId: string, period: AppointmentPeriod) {
  return useInfiniteQuery({
    queryKey: [...workspaceClientKey(clientId), 'appointments', period],
    queryFn: ({ pageParam, signal }) => getAppointments(clientId, period, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  })
}
