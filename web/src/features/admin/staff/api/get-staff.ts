import type { Static } from 'typebox'
import { useQuery } from '@tanstack/react-query'
import { StaffList } from '@shared/schemas/admin-staff.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function getStaff(search: string, signal?: AbortSignal): Promise<Static<typeof StaffList>> {
  const query = search ? `?${new URLSearchParams({ search })}` : ''
  return apiRequest(`/api/admin/staff${query}`, StaffList, { signal })
}

/** Staff members with roles and teams, by name or login name. */
export function useStaff(search: string) {
  return useQuery({ queryKey: adminKey('staff', 'list', search), queryFn: ({ signal }) => getStaff(search, signal), staleTime: 0 })
}
