import { type FormEvent, useRef, useState } from 'react'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Checkbox } from '@/components/ui/checkbox.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { TextArea } from '@/components/ui/text-area.tsx'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { formatDateTime } from '@/lib/dates.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useTermsVersions } from '../api/get-terms.ts'
import { usePublishTerms } from '../api/publish-terms.ts'
import '../../admin.css'

/**
 * "Gebruikersvoorwaarden": the versions so far (the newest applies) and publishing a new
 * one, which asks everyone to accept again: the page says so plainly and asks to confirm.
 */
export function TermsAdminPage() {
  const t = useT()
  const [language] = useLanguage()
  const versions = useTermsVersions()
  const publish = usePublishTerms()
  const [body, setBody] = useState('')
  const [understood, setUnderstood] = useState(false)
  const [errors, setErrors] = useState<{ body?: MessageKey; understood?: MessageKey }>({})
  const bodyRef = useRef<HTMLTextAreaElement>(null)
  const understoodRef = useRef<HTMLInputElement>(null)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found: typeof errors = {}
    if (body.trim().length < 20) found.body = 'admin.terms.bodyRequired'
    if (!understood) found.understood = 'admin.terms.confirmRequired'
    setErrors(found)
    if (found.body) return bodyRef.current?.focus()
    if (found.understood) return understoodRef.current?.focus()
    publish.mutate(body.trim(), {
      onSuccess: () => {
        setBody('')
        setUnderstood(false)
      },
    })
  }

  const items = versions.data?.items ?? []
  const newest = items.reduce((max, item) => Math.max(max, item.version), 0)

  return (
    <div className="card">
      <PageHeading>{t('admin.terms.title')}</PageHeading>
      <p>{t('admin.terms.intro')}</p>
      {publish.data ? (
        <Notice>
          <p>{t('admin.terms.published', { version: String(publish.data.version) })}</p>
        </Notice>
      ) : null}
      {versions.isPending ? <Loading>{t('admin.loading')}</Loading> : null}
      {versions.isError ? <LoadError message={t('admin.loadError')} retryLabel={t('admin.retry')} onRetry={() => void versions.refetch()} /> : null}
      {versions.isSuccess && items.length === 0 ? <p>{t('admin.terms.none')}</p> : null}
      {items.length > 0 ? (
        <ul className="admin-list" aria-label={t('admin.terms.title')}>
          {[...items]
            .sort((a, b) => b.version - a.version)
            .map((item) => (
              <li key={item.version} className="admin-list__item">
                <h2 className="admin-list__title">
                  {t('admin.terms.version', { version: String(item.version) })}
                  {item.version === newest ? <span className="admin-tag admin-tag--after">{t('admin.terms.current')}</span> : null}
                </h2>
                <p className="admin-list__facts">{t('admin.terms.versionFacts', { date: formatDateTime(item.publishedAt, language), count: String(item.acceptedCount) })}</p>
                <details>
                  <summary>{t('admin.terms.showText', { version: String(item.version) })}</summary>
                  <p className="admin-terms-text">{item.body}</p>
                </details>
              </li>
            ))}
        </ul>
      ) : null}

      <section className="admin-section" aria-labelledby="voorwaarden-nieuw">
        <h2 id="voorwaarden-nieuw">{t('admin.terms.new')}</h2>
        <div className="admin-warning">
          <p>{t('admin.terms.warning')}</p>
        </div>
        {publish.error ? <Alert>{errorMessage(publish.error, language)}</Alert> : null}
        <form className="admin-form" onSubmit={onSubmit} noValidate>
          <p id="voorwaarden-uitleg" className="admin-hint">
            {t('admin.terms.bodyHint')}
          </p>
          <TextArea
            id="voorwaarden-tekst"
            label={t('admin.terms.body')}
            value={body}
            rows={12}
            maxLength={50_000}
            describedBy="voorwaarden-uitleg"
            error={errors.body ? t(errors.body) : undefined}
            textAreaRef={bodyRef}
            onChange={(event) => setBody(event.target.value)}
          />
          <Checkbox
            id="voorwaarden-begrepen"
            label={t('admin.terms.confirm')}
            checked={understood}
            error={errors.understood ? t(errors.understood) : undefined}
            inputRef={understoodRef}
            onChange={(event) => setUnderstood(event.target.checked)}
          />
          <Actions>
            <Button type="submit" aria-disabled={publish.isPending}>
              {t('admin.terms.submit')}
            </Button>
          </Actions>
        </form>
      </section>
    </div>
  )
}
