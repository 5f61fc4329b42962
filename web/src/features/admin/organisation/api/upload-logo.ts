import { useMutation, useQueryClient } from '@tanstack/react-query'
import { OrganisationSettings } from '@shared/schemas/admin-organisation.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

/** A new logo as base64 (the server checks it is really an image), or null to remove it. */
export function uploadLogo(imageBase64: string | null): Promise<OrganisationSettings> {
  return imageBase64 === null
    ? apiRequest('/api/admin/organisation/logo', OrganisationSettings, { method: 'DELETE' })
    : apiRequest('/api/admin/organisation/logo', OrganisationSettings, { method: 'PUT', body: { imageBase64 } })
}

export function useUploadLogo() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: uploadLogo,
    onSuccess: async (settings) => {
      queryClient.setQueryData(adminKey('organisation'), settings)
      await queryClient.invalidateQueries({ queryKey: ['organisation'] })
    },
  })
}
