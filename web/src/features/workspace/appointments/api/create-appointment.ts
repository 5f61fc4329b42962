import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { AppointmentRequest } from '@shared/schemas/appointments.ts'
import { WorkspaceAppointment } from '@shared/schemas/workspace.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

export function createAppointment(clientId: string, request: AppointmentRequest): Promise<WorkspaceAppointment> {
  return apiRequest(workspaceApiPath(clientId, 'appointments'), WorkspaceAppointment, { method: 'POST', body: request })
}

/** An appointment made by the care team; the portal shows it to the client's linked accounts. */
export function useCreateAppointment(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: AppointmentRequest) => createAppointment(clientId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...workspaceClientKey(clientId), 'appointments'] }),
  })
}
