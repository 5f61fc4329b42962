import { Alert } from '@/components/ui/alert.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { useTerms } from '@/features/terms/api/get-terms.ts'
import { TermsText } from '@/features/terms/components/terms-text.tsx'
import { useT } from '@/i18n/use-t.ts'
import { ApiError } from '@/lib/api-client.ts'
import { PageTitle } from '../page-title.tsx'

/** The terms of use, readable by anyone at any time ("U kunt de voorwaarden altijd teruglezen"). */
export function TermsPage() {
  const t = useT()
  const terms = useTerms()
  return (
    <div className="card">
      <PageTitle title={t('terms.title')} />
      <PageHeading>{t('terms.title')}</PageHeading>
      {terms.data ? (
        <TermsText terms={terms.data} />
      ) : terms.error instanceof ApiError && terms.error.code === 'not_found' ? (
        <p>{t('terms.none')}</p>
      ) : terms.isError ? (
        <Alert>
          <p>{t('terms.error')}</p>
        </Alert>
      ) : (
        <p role="status">{t('terms.loading')}</p>
      )}
    </div>
  )
}
