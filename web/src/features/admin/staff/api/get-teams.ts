import type { Static } from 'typebox'
import { useQuery } from '@tanstack/react-query'
import { TeamList } from '@shared/schemas/admin-staff.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function getTeams(signal?: AbortSignal): Promise<Static<typeof TeamList>> {
  return apiRequest('/api/admin/teams', TeamList, { signal })
}

/** The organisation's teams, to choose a staff member's teams from. */
export function useTeams() {
  return useQuery({ queryKey: adminKey('staff', 'teams'), queryFn: ({ signal }) => getTeams(signal) })
}
