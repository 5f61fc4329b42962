import { useMutation } from '@tanstack/react-query'
import { Done } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'

/** Accepts the version the person has read; the server refuses when a newer one was published meanwhile. */
export function acceptTerms(version: number): Promise<{ status: 'ok' }> {
  return apiRequest('/api/terms/accept', Done, { method: 'POST', body: { version } })
}

export function useAcceptTerms() {
  return useMutation({ mutationFn: acceptTerms })
}
