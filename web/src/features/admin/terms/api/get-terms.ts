import { useQuery } from '@tanstack/react-query'
import { AdminTermsList } from '@shared/schemas/admin-organisation.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function getTermsVersions(signal?: AbortSignal) {
  return apiRequest('/api/admin/terms', AdminTermsList, { signal })
}

/** Every published version of the terms of use, newest first, with how many people accepted it. */
export function useTermsVersions() {
  return useQuery({ queryKey: adminKey('terms'), queryFn: ({ signal }) => getTermsVersions(signal), staleTime: 0 })
}
