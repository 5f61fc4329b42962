import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type NewStaffRequest, StaffSummary } from '@shared/schemas/admin-staff.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function createStaff(request: NewStaffRequest): Promise<StaffSummary> {
  return apiRequest('/api/admin/staff', StaffSummary, { method: 'POST', body: request })
}

/** A new staff account with its roles and teams; the welcome e-mail goes out as for portal accounts. */
export function useCreateStaff() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: createStaff, onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey('staff') }) })
}
