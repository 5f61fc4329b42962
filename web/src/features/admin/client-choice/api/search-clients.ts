import type { Static } from 'typebox'
import { useQuery } from '@tanstack/react-query'
import { ClientChoiceList } from '@shared/schemas/admin-accounts.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function searchClients(search: string, signal?: AbortSignal): Promise<Static<typeof ClientChoiceList>> {
  return apiRequest(`/api/admin/clients?${new URLSearchParams({ search })}`, ClientChoiceList, { signal })
}

/** Clients by name or client number, to link an account to; asked only from two characters on. */
export function useClientChoices(search: string) {
  return useQuery({
    queryKey: adminKey('accounts', 'clients', search),
    queryFn: ({ signal }) => searchClients(search, signal),
    enabled: search.trim().length >= 2,
  })
}
