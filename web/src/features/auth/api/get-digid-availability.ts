import { useQuery } from '@tanstack/react-query'
import { DigidAvailability } from '@shared/schemas/digid.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** Whether "Inloggen met DigiD" is offered; fixed while the server runs. */
export function useDigidAvailability() {
  return useQuery({
    queryKey: ['digid-availability'],
    queryFn: ({ signal }) => apiRequest('/api/digid', DigidAvailability, { signal }),
    staleTime: Infinity,
  })
}
