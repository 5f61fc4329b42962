import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { AdminGrant, AdminGrantList, ClientGrantsSetting } from '@shared/schemas/access-grants.ts'
import type { EndLinkRequest } from '@shared/schemas/admin-accounts.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

const SETTING_KEY = adminKey('clientGrants', 'setting')

/** Whether clients may give access themselves, and whether an administrator approves first. */
export function useClientGrantsSetting() {
  return useQuery({ queryKey: SETTING_KEY, queryFn: ({ signal }) => apiRequest('/api/admin/organisation/client-grants', ClientGrantsSetting, { signal }) })
}

export function useSaveClientGrantsSetting() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (setting: ClientGrantsSetting) => apiRequest('/api/admin/organisation/client-grants', ClientGrantsSetting, { method: 'PUT', body: setting }),
    onSuccess: (setting) => queryClient.setQueryData(SETTING_KEY, setting),
  })
}

/** The organisation's grants: open ones (waiting, invited, running), or all. */
export function useClientGrants(show: 'open' | 'all') {
  return useQuery({
    queryKey: adminKey('clientGrants', 'list', show),
    queryFn: ({ signal }) => apiRequest(`/api/admin/client-grants?show=${show}`, AdminGrantList, { signal }),
  })
}

type Decision = { grantId: string; action: 'approve' | 'refuse' } | { grantId: string; action: 'end'; reason: EndLinkRequest['reason'] }

/** Approve, refuse, or end ("Toegang beëindigen") one grant; the list is read again after. */
export function useDecideGrant() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (decision: Decision) =>
      apiRequest(`/api/admin/client-grants/${encodeURIComponent(decision.grantId)}/${decision.action}`, AdminGrant, {
        method: 'POST',
        body: decision.action === 'end' ? { reason: decision.reason } : {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey('clientGrants', 'list') }),
  })
}
