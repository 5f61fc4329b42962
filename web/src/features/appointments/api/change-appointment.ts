import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Appointment, type AppointmentRequest } from '@shared/schemas/appointments.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

export function changeAppointment(clientId: string, appointmentId: string, request: AppointmentRequest): Promise<Appointment> {
  return apiRequest(clientApiPath(clientId, `appointments/${encodeURIComponent(appointmentId)}`), Appointment, { method: 'PUT', body: request })
}

/** Only an appointment this person made can be changed; the server checks that too. */
export function useChangeAppointment(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: AppointmentRequest }) => changeAppointment(clientId, id, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['client', clientId] }),
  })
}
