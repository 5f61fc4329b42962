import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Appointment, type AppointmentRequest } from '@shared/schemas/appointments.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

export function createAppointment(clientId: string, request: AppointmentRequest): Promise<Appointment> {
  return apiRequest(clientApiPath(clientId, 'appointments'), Appointment, { method: 'POST', body: request })
}

/** "Nieuwe afspraak": the care team sees it, marked as made by this person. */
export function useCreateAppointment(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: AppointmentRequest) => createAppointment(clientId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['client', clientId] }),
  })
}
