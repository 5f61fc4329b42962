import { useQuery } from '@tanstack/react-query'
import { TermsOfUse } from '@shared/schemas/terms.ts'
import { apiRequest } from '@/lib/api-client.ts'

export const TERMS_QUERY_KEY = ['terms'] as const

/** The current terms of use; for a logged-in person also when they accepted them. */
export function getTerms(signal?: AbortSignal): Promise<TermsOfUse> {
  return apiRequest('/api/terms', TermsOfUse, { signal })
}

export function useTerms() {
  return useQuery({ queryKey: TERMS_QUERY_KEY, queryFn: ({ signal }) => getTerms(signal) })
}
