import { PageHeading } from '@/components/ui/page-heading.tsx'
import { ForgotPasswordForm } from '@/features/password/components/forgot-password-form.tsx'
import { useT } from '@/i18n/use-t.ts'
import { PageTitle } from '../page-title.tsx'

/** "Wachtwoord vergeten?": asks for a new password link by e-mail. */
export function ForgotPasswordPage() {
  const t = useT()
  return (
    <div className="card card--narrow">
      <PageTitle title={t('forgotPassword.title')} />
      <PageHeading>{t('forgotPassword.title')}</PageHeading>
      <ForgotPasswordForm />
    </div>
  )
}
