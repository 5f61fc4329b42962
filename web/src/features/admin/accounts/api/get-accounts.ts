import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { AccountList } from '@shared/schemas/admin-accounts.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export const ACCOUNTS_PAGE_SIZE = 25

export function getAccounts(search: string, offset: number, signal?: AbortSignal): Promise<AccountList> {
  const query = new URLSearchParams({ limit: String(ACCOUNTS_PAGE_SIZE), offset: String(offset) })
  if (search) query.set('search', search)
  return apiRequest(`/api/admin/accounts?${query}`, AccountList, { signal })
}

/** Portal accounts by name, login name or e-mail, a page at a time; the last page stays while the next loads. */
export function useAccounts(search: string, offset: number) {
  return useQuery({
    queryKey: adminKey('accounts', 'list', search, offset),
    queryFn: ({ signal }) => getAccounts(search, offset, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}
