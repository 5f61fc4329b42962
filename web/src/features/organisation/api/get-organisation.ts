import { useQuery } from '@tanstack/react-query'
import { Branding } from '@shared/schemas/organisation.ts'
import { apiRequest } from '@/lib/api-client.ts'

export function getOrganisation(signal?: AbortSignal): Promise<Branding> {
  return apiRequest('/api/organisation', Branding, { signal })
}

/** The organisation's name, colours and texts; rarely changes, so fetched once per visit. */
export function useOrganisation() {
  return useQuery({
    queryKey: ['organisation'],
    queryFn: ({ signal }) => getOrganisation(signal),
    staleTime: Infinity,
  })
}
