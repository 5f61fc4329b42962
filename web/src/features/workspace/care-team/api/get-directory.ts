import { useQuery } from '@tanstack/react-query'
import { CareTeamDirectory } from '@shared/schemas/workspace-record.ts'
import { apiRequest } from '@/lib/api-client.ts'

export function getDirectory(signal?: AbortSignal): Promise<CareTeamDirectory> {
  return apiRequest('/api/workspace/care-team-directory', CareTeamDirectory, { signal })
}

/** Teams and staff members to choose from when assigning; asked for when the form opens. */
export function useCareTeamDirectory(enabled: boolean) {
  return useQuery({ queryKey: ['workspace', 'care-team-directory'], queryFn: ({ signal }) => getDirectory(signal), enabled, staleTime: 5 * 60_000 })
}
