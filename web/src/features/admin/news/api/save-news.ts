import { useMutation, useQueryClient } from '@tanstack/react-query'
import { AdminNewsItem, type NewsRequest } from '@shared/schemas/admin-organisation.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { adminKey } from '../../admin-paths.ts'

/** A new item (POST) or a changed one (PUT to its id). */
export function saveNews(newsId: string | null, request: NewsRequest): Promise<AdminNewsItem> {
  return newsId
    ? apiRequest(`/api/admin/news/${encodeURIComponent(newsId)}`, AdminNewsItem, { method: 'PUT', body: request })
    : apiRequest('/api/admin/news', AdminNewsItem, { method: 'POST', body: request })
}

/** Saves a news item; the login page's news is read again too. */
export function useSaveNews() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ newsId, request }: { newsId: string | null; request: NewsRequest }) => saveNews(newsId, request),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKey('news') })
      await queryClient.invalidateQueries({ queryKey: ['news'] })
    },
  })
}
