import type { NewsItem as NewsItemData } from '@shared/schemas/news.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'

const LOCALES = { nl: 'nl-NL', en: 'en-GB' } as const

/** One announcement. The body is plain text: rendered as text, its line breaks kept by CSS. */
export function NewsItem({ item }: { item: NewsItemData }) {
  const t = useT()
  const [language] = useLanguage()
  const date = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long' }).format(new Date(item.publishedAt))
  return (
    <article className="news-item">
      <h3 className="news-item__title">{item.title}</h3>
      <p className="news-item__date">
        <time dateTime={item.publishedAt}>{t('news.published', { date })}</time>
      </p>
      <p className="news-item__body">{item.body}</p>
    </article>
  )
}
