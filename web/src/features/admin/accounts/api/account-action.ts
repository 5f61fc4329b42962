import type { Static } from 'typebox'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Done } from '@shared/schemas/auth.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

/** The account actions without an answer of their own, each its own POST with an empty body. */
export const ACCOUNT_ACTIONS = {
  welcomeEmail: 'welcome-email',
  resetSecondFactors: 'second-factors/reset',
  block: 'block',
  unblock: 'unblock',
  end: 'end',
} as const

export type AccountAction = keyof typeof ACCOUNT_ACTIONS

export function runAccountAction(accountId: string, action: AccountAction): Promise<Static<typeof Done>> {
  return apiRequest(`/api/admin/accounts/${encodeURIComponent(accountId)}/${ACCOUNT_ACTIONS[action]}`, Done, { method: 'POST', body: {} })
}

/** Welcome e-mail again, second-factor reset, block, unblock or end; the account is read again afterwards. */
export function useAccountAction(accountId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (action: AccountAction) => runAccountAction(accountId, action),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey('accounts') }),
  })
}
