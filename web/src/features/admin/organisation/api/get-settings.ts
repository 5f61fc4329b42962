import { useQuery } from '@tanstack/react-query'
import { OrganisationSettings } from '@shared/schemas/admin-organisation.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function getSettings(signal?: AbortSignal): Promise<OrganisationSettings> {
  return apiRequest('/api/admin/organisation', OrganisationSettings, { signal })
}

/** Everything an administrator sets about the organisation, branding and security both. */
export function useOrganisationSettings() {
  return useQuery({ queryKey: adminKey('organisation'), queryFn: ({ signal }) => getSettings(signal), staleTime: 0 })
}
