import { Navigate, useNavigate } from 'react-router'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { useRefreshSession } from '@/features/auth/api/get-session.ts'
import { useSession } from '@/features/auth/hooks/use-session.ts'
import { ChangePasswordForm } from '@/features/password/components/change-password-form.tsx'
import { useT } from '@/i18n/use-t.ts'
import { owedStep } from '../guards.tsx'
import { PageTitle } from '../page-title.tsx'

/**
 * "Wijzig wachtwoord" after logging in with a temporary password, before anything else.
 * (Changing a password by choice is in "Mijn profiel".)
 */
export function ChangePasswordPage() {
  const t = useT()
  const session = useSession()
  const refreshSession = useRefreshSession()
  const navigate = useNavigate()
  if (session.status !== 'authenticated') return null
  if (!session.mustChangePassword) return <Navigate to={owedStep(session) ?? '/home'} replace />

  const onChanged = async () => {
    await refreshSession()
    navigate('/home', { replace: true })
  }

  return (
    <div className="card card--narrow">
      <PageTitle title={t('changePassword.title')} />
      <PageHeading>{t('changePassword.title')}</PageHeading>
      <p>{t('changePassword.intro')}</p>
      <ChangePasswordForm person={{ loginName: session.loginName, names: [session.displayName] }} onChanged={() => void onChanged()} />
    </div>
  )
}
