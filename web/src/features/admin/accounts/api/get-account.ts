import { useQuery } from '@tanstack/react-query'
import { AccountDetail } from '@shared/schemas/admin-accounts.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function getAccount(accountId: string, signal?: AbortSignal): Promise<AccountDetail> {
  return apiRequest(`/api/admin/accounts/${encodeURIComponent(accountId)}`, AccountDetail, { signal })
}

/** One account with its second factors and links (each look is logged against the linked clients). */
export function useAccount(accountId: string) {
  return useQuery({ queryKey: adminKey('accounts', 'detail', accountId), queryFn: ({ signal }) => getAccount(accountId, signal), staleTime: 0 })
}
