import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type StaffRoles, StaffSummary } from '@shared/schemas/admin-staff.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function setRoles(staffMemberId: string, roles: StaffRoles): Promise<StaffSummary> {
  return apiRequest(`/api/admin/staff/${encodeURIComponent(staffMemberId)}/roles`, StaffSummary, { method: 'PUT', body: roles })
}

/** Caregiver, administrator or both; the server reads roles fresh on every request, so this bites at once. */
export function useSetRoles(staffMemberId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (roles: StaffRoles) => setRoles(staffMemberId, roles),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey('staff') }),
  })
}
