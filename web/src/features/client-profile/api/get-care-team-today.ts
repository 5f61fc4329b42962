import { useQuery } from '@tanstack/react-query'
import { CareTeamToday } from '@shared/schemas/client-profile.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

export function getCareTeamToday(clientId: string, signal?: AbortSignal): Promise<CareTeamToday> {
  return apiRequest(clientApiPath(clientId, 'care-team/today'), CareTeamToday, { signal })
}

/** "Wie heeft er vandaag toegang tot mijn dossier?": the care-team assignments valid today. */
export function useCareTeamToday(clientId: string) {
  return useQuery({ queryKey: ['client', clientId, 'care-team-today'], queryFn: ({ signal }) => getCareTeamToday(clientId, signal) })
}
