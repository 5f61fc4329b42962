import { Button } from '@/components/ui/button.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useNews } from '../api/get-news.ts'
import { NewsItem } from './news-item.tsx'
import './news-panel.css'

/**
 * The "Nieuws" block of the login page. Loading, empty and error states go through one
 * status region that exists from the start, so screen readers announce each change politely.
 */
export function NewsPanel({ className = '' }: { className?: string }) {
  const t = useT()
  const news = useNews()
  const items = news.data?.items ?? []

  let status = ''
  // A retry after an error keeps the error status in React Query; show it as loading again.
  if (news.isPending || (news.isError && news.isFetching)) status = t('news.loading')
  else if (news.isError) status = t('news.error')
  else if (items.length === 0) status = t('news.empty')

  return (
    <section className={`news-panel ${className}`} aria-labelledby="nieuws-titel">
      <h2 id="nieuws-titel" className="news-panel__title">
        {t('news.title')}
      </h2>
      <div role="status" className="news-panel__status">
        {status ? <p>{status}</p> : null}
      </div>
      {news.isError ? (
        <Button variant="secondary" onClick={() => void news.refetch()}>
          {t('news.retry')}
        </Button>
      ) : null}
      {items.length > 0 ? (
        <ul className="news-panel__list">
          {items.map((item) => (
            <li key={item.id}>
              <NewsItem item={item} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
