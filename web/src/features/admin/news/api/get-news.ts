import { useQuery } from '@tanstack/react-query'
import { AdminNewsList } from '@shared/schemas/admin-organisation.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

export function getNews(signal?: AbortSignal) {
  return apiRequest('/api/admin/news', AdminNewsList, { signal })
}

/** Every news item with its publication window and its state now (scheduled, published, ended). */
export function useAdminNews() {
  return useQuery({ queryKey: adminKey('news'), queryFn: ({ signal }) => getNews(signal), staleTime: 0 })
}
