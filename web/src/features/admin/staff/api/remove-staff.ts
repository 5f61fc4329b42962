import { useMutation, useQueryClient } from '@tanstack/react-query'
import { StaffSummary } from '@shared/schemas/admin-staff.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function removeStaff(staffMemberId: string): Promise<StaffSummary> {
  return apiRequest(`/api/admin/staff/${encodeURIComponent(staffMemberId)}/remove`, StaffSummary, { method: 'POST', body: {} })
}

/** Removes a staff member: no login and no access from the next request on. */
export function useRemoveStaff() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: removeStaff, onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey('staff') }) })
}
