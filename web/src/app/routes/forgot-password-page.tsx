import { Link } from 'react-router'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { useT } from '@/i18n/use-t.ts'
import { PageTitle } from '../page-title.tsx'

/**
 * Requesting a new password arrives with the accounts issue. Until then this page says
 * so plainly and tells people whom to ask, rather than showing a form that does nothing.
 */
export function ForgotPasswordPage() {
  const t = useT()
  return (
    <div className="card card--narrow">
      <PageTitle title={t('forgotPassword.title')} />
      <PageHeading>{t('forgotPassword.title')}</PageHeading>
      <p>{t('forgotPassword.comingSoon')}</p>
      <p>{t('forgotPassword.meanwhile')}</p>
      <p>
        <Link to="/inloggen">{t('forgotPassword.back')}</Link>
      </p>
    </div>
  )
}
