import { useMutation, useQueryClient } from '@tanstack/react-query'
import { StaffSummary } from '@shared/schemas/admin-staff.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function setTeams(staffMemberId: string, teamIds: string[]): Promise<StaffSummary> {
  return apiRequest(`/api/admin/staff/${encodeURIComponent(staffMemberId)}/teams`, StaffSummary, { method: 'PUT', body: { teamIds } })
}

/** The staff member's teams, replaced whole. */
export function useSetTeams(staffMemberId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (teamIds: string[]) => setTeams(staffMemberId, teamIds),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey('staff') }),
  })
}
