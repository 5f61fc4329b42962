import { useQuery } from '@tanstack/react-query'
import { NewsList } from '@shared/schemas/news.ts'
import { apiRequest } from '@/lib/api-client.ts'

export function getNews(signal?: AbortSignal): Promise<NewsList> {
  return apiRequest('/api/news', NewsList, { signal })
}

/** The organisation's current announcements, shown beside the login form. */
export function useNews() {
  return useQuery({ queryKey: ['news'], queryFn: ({ signal }) => getNews(signal) })
}
