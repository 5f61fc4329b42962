import { useMutation, useQueryClient } from '@tanstack/react-query'
import { AdminTermsVersion } from '@shared/schemas/admin-organisation.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function publishTerms(body: string): Promise<AdminTermsVersion> {
  return apiRequest('/api/admin/terms', AdminTermsVersion, { method: 'POST', body: { body } })
}

/** Publishes a new version: from the next request on, everyone must accept it first. */
export function usePublishTerms() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: publishTerms, onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey('terms') }) })
}
