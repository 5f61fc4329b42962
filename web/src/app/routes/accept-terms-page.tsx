import { Navigate } from 'react-router'
import { Alert } from '@/components/ui/alert.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { useRefreshSession } from '@/features/auth/api/get-session.ts'
import { useSession } from '@/features/auth/hooks/use-session.ts'
import { useTerms } from '@/features/terms/api/get-terms.ts'
import { AcceptTermsForm } from '@/features/terms/components/accept-terms-form.tsx'
import { TermsText } from '@/features/terms/components/terms-text.tsx'
import { useT } from '@/i18n/use-t.ts'
import { owedStep } from '../guards.tsx'
import { PageTitle } from '../page-title.tsx'

/** After login, until the current terms of use are accepted, nothing else is reachable. */
export function AcceptTermsPage() {
  const t = useT()
  const session = useSession()
  const terms = useTerms()
  const refreshSession = useRefreshSession()
  if (session.status !== 'authenticated') return null
  const owed = owedStep(session)
  // Accepting makes the session owe nothing more: then this page sends the person on.
  if (owed !== '/akkoord-gebruikersvoorwaarden') return <Navigate to={owed ?? '/home'} replace />

  return (
    <div className="card">
      <PageTitle title={t('terms.title')} />
      <PageHeading>{t('terms.title')}</PageHeading>
      <p>{t('terms.acceptIntro')}</p>
      {terms.data ? (
        <>
          <TermsText terms={terms.data} />
          <AcceptTermsForm version={terms.data.version} onAccepted={() => void refreshSession()} />
        </>
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
