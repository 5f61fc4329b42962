import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Static } from 'typebox'
import { Done } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

export function cancelAppointment(clientId: string, appointmentId: string): Promise<Static<typeof Done>> {
  return apiRequest(clientApiPath(clientId, `appointments/${encodeURIComponent(appointmentId)}`), Done, { method: 'DELETE' })
}

/** Cancels ("afzeggen") an appointment this person made; it stays in the list, marked as cancelled. */
export function useCancelAppointment(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (appointmentId: string) => cancelAppointment(clientId, appointmentId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['client', clientId] }),
  })
}
