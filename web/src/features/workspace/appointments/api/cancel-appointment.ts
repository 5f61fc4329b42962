import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Type } from 'typebox'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

const Ok = Type.Object({ ok: Type.Literal(true) })

export function cancelAppointment(clientId: string, appointmentId: string) {
  return apiRequest(workspaceApiPath(clientId, `appointments/${encodeURIComponent(appointmentId)}`), Ok, { method: 'DELETE' })
}

/** Cancels ("afzeggen"); the appointment stays in the list, marked as cancelled. */
export function useCancelAppointment(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (appointmentId: string) => cancelAppointment(clientId, appointmentId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...workspaceClientKey(clientId), 'appointments'] }),
  })
}
