import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Type } from 'typebox'
import {
  Grant, GrantList, InvitationAccepted, InvitationInfo, InvitationRegistered, type NewInvitationRequest,
} from '@shared/schemas/access-grants.ts'
import type { Permissions } from '@shared/schemas/admin-accounts.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'

const grantsKey = (clientId: string) => ['client', clientId, 'access-grants'] as const

export function useGrants(clientId: string) {
  return useQuery({ queryKey: grantsKey(clientId), queryFn: ({ signal }) => apiRequest(clientApiPath(clientId, 'access-grants'), GrantList, { signal }) })
}

export function useInvite(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: NewInvitationRequest) => apiRequest(clientApiPath(clientId, 'access-grants'), Type.Object({ id: Type.String() }), { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: grantsKey(clientId) }),
  })
}

/** "Toegang beëindigen": the person's next request is refused. */
export function useEndGrant(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (grantId: string) => apiRequest(clientApiPath(clientId, `access-grants/${encodeURIComponent(grantId)}/end`), Grant, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: grantsKey(clientId) }),
  })
}

/** "Onderdelen wijzigen": the person's next request follows the new sections. */
export function useChangeGrant(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ grantId, permissions }: { grantId: string; permissions: Permissions }) =>
      apiRequest(clientApiPath(clientId, `access-grants/${encodeURIComponent(grantId)}/permissions`), Grant, { method: 'PUT', body: { permissions } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: grantsKey(clientId) }),
  })
}

/** The token goes in the body, never in an address. */
export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => apiRequest('/api/access-invitations/describe', InvitationInfo, { method: 'POST', body: { token } }),
    enabled: token.length > 0,
    retry: false,
  })
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (token: string) => apiRequest('/api/access-invitations/accept', InvitationAccepted, { method: 'POST', body: { token } }),
    // The new client appears in the list of linked clients.
    onSuccess: () => queryClient.invalidateQueries(),
  })
}

export function useRegisterFromInvitation() {
  return useMutation({
    mutationFn: (body: { token: string; loginName: string }) => apiRequest('/api/access-invitations/register', InvitationRegistered, { method: 'POST', body }),
  })
}
