import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { DigidBinding, DigidBindingStart } from '@shared/schemas/digid.ts'
import { apiRequest } from '@/lib/api-client.ts'

const DIGID_BINDING_KEY = ['digid-binding']

/** Whether DigiD is offered and bound to this account (the BSN itself never reaches the browser). */
export function useDigidBinding() {
  return useQuery({
    queryKey: DIGID_BINDING_KEY,
    queryFn: ({ signal }) => apiRequest('/api/digid/binding', DigidBinding, { signal }),
  })
}

/** "DigiD koppelen": the server prepares the login and names DigiD's address; the browser goes there. */
export function useStartDigidBinding() {
  return useMutation({
    mutationFn: () => apiRequest('/api/digid/binding', DigidBindingStart, { method: 'POST', body: {} }),
    onSuccess: ({ url }) => window.location.assign(url),
  })
}

/** "DigiD ontkoppelen". */
export function useUnbindDigid() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiRequest('/api/digid/binding', DigidBinding, { method: 'DELETE' }),
    onSuccess: (binding) => queryClient.setQueryData(DIGID_BINDING_KEY, binding),
  })
}
