import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { AppointmentRequest } from '@shared/schemas/appointments.ts'
import { WorkspaceAppointment } from '@shared/schemas/workspace.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

export function changeAppointment(clientId: string, appointmentId: string, request: AppointmentRequest): Promise<WorkspaceAppointment> {
  return apiRequest(workspaceApiPath(clientId, `appointments/${encodeURIComponent(appointmentId)}`), WorkspaceAppointment, { method: 'PUT', body: request })
}

/** The care team may change any appointment of the client, also one a relative made. */
export function useChangeAppointment(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: AppointmentRequest }) => changeAppointment(clientId, id, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...workspaceClientKey(clientId), 'appointments'] }),
  })
}
