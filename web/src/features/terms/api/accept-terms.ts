import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Done } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { TERMS_QUERY_KEY } from './get-terms.ts'

/** Accepts the version the person has read; the server refuses when a newer one was published meanwhile. */
export function acceptTerms(version: number): Promise<{ status: 'ok' }> {
  return apiRequest('/api/terms/accept', Done, { method: 'POST', body: { version } })
}

export function useAcceptTerms() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: acceptTerms,
    // The terms page shows when they were accepted: read them again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TERMS_QUERY_KEY }),
  })
}
