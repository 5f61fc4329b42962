import { useMutation, useQueryClient } from '@tanstack/react-query'
import { OrganisationSettings, type OrganisationSettingsRequest } from '@shared/schemas/admin-organisation.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function saveSettings(request: OrganisationSettingsRequest): Promise<OrganisationSettings> {
  return apiRequest('/api/admin/organisation', OrganisationSettings, { method: 'PUT', body: request })
}

/** Saves the settings whole; the public organisation (name, colours) is read again so the app's theme follows at once. */
export function useSaveSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveSettings,
    onSuccess: async (settings) => {
      queryClient.setQueryData(adminKey('organisation'), settings)
      await queryClient.invalidateQueries({ queryKey: ['organisation'] })
    },
  })
}
