import { useState } from 'react'
import type { AdminNewsItem } from '@shared/schemas/admin-organisation.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { PlainText } from '@/components/ui/plain-text.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { formatDateTime } from '@/lib/dates.ts'
import { useAdminNews } from '../api/get-news.ts'
import { NewsForm } from './news-form.tsx'
import '../../admin.css'

/** "Nieuws": the items for the login page with their window and state; a new one or a change in the form below. */
export function NewsAdminPage() {
  const t = useT()
  const [language] = useLanguage()
  const news = useAdminNews()
  // null: no form open; 'new' or the item being changed.
  const [editing, setEditing] = useState<AdminNewsItem | 'new' | null>(null)
  const [saved, setSaved] = useState(false)

  return (
    <div className="card">
      <PageHeading>{t('admin.news.title')}</PageHeading>
      <p>{t('admin.news.intro')}</p>
      {saved ? (
        <Notice>
          <p>{t('admin.news.saved')}</p>
        </Notice>
      ) : null}
      {editing === null ? (
        <Actions>
          <Button
            onClick={() => {
              setSaved(false)
              setEditing('new')
            }}
          >
            {t('admin.news.new')}
          </Button>
        </Actions>
      ) : (
        <NewsForm
          key={editing === 'new' ? 'new' : editing.id}
          item={editing === 'new' ? null : editing}
          onDone={(didSave) => {
            setSaved(didSave)
            setEditing(null)
          }}
        />
      )}
      {news.isPending ? <Loading>{t('admin.loading')}</Loading> : null}
      {news.isError ? <LoadError message={t('admin.loadError')} retryLabel={t('admin.retry')} onRetry={() => void news.refetch()} /> : null}
      {news.data && news.data.items.length === 0 ? <p>{t('admin.news.none')}</p> : null}
      {news.data && news.data.items.length > 0 ? (
        <ul className="admin-list" aria-label={t('admin.news.listLabel')}>
          {news.data.items.map((item) => (
            <li key={item.id} className="admin-list__item">
              <h2 className="admin-list__title">{item.title}</h2>
              <p className="admin-list__facts">
                <span className="admin-tag">{t(`admin.news.state.${item.state}`)}</span>
                {item.publishUntil
                  ? t('admin.news.window', { from: formatDateTime(item.publishFrom, language), until: formatDateTime(item.publishUntil, language) })
                  : t('admin.news.windowOpen', { from: formatDateTime(item.publishFrom, language) })}
              </p>
              <PlainText text={item.body} />
              <Actions>
                <Button
                  variant="secondary"
                  aria-label={`${t('admin.news.edit')}: ${item.title}`}
                  onClick={() => {
                    setSaved(false)
                    setEditing(item)
                  }}
                >
                  {t('admin.news.edit')}
                </Button>
              </Actions>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
