import { useQuery } from '@tanstack/react-query'
import { SsoAvailability } from '@shared/schemas/sso.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** Whether staff may log in through the organisation's identity provider; fixed while the server runs. */
export function useSsoAvailability() {
  return useQuery({
    queryKey: ['sso-availability'],
    queryFn: ({ signal }) => apiRequest('/api/sso', SsoAvailability, { signal }),
    staleTime: Infinity,
  })
}
