import { useQuery } from '@tanstack/react-query'
import { CarePlanPrintList } from '@shared/schemas/care-plan-prints.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

export function getCarePlanPrints(clientId: string, signal?: AbortSignal): Promise<CarePlanPrintList> {
  return apiRequest(clientApiPath(clientId, 'care-plan-prints'), CarePlanPrintList, { signal })
}

/** The signed care-plan prints, newest first. */
export function useCarePlanPrints(clientId: string) {
  return useQuery({ queryKey: ['client', clientId, 'care-plan-prints'], queryFn: ({ signal }) => getCarePlanPrints(clientId, signal) })
}

/** The address of a print's PDF or of its signature sheet: a plain download link, the server names the file. */
export function carePlanFileUrl(clientId: string, printId: string, file: 'print' | 'signature-sheet'): string {
  return clientApiPath(clientId, `care-plan-prints/${encodeURIComponent(printId)}/${file}.pdf`)
}
