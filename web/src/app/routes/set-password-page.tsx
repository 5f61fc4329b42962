import { useState } from 'react'
import { Link } from 'react-router'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { usePasswordToken } from '@/features/password/api/describe-password-token.ts'
import { SetPasswordForm } from '@/features/password/components/set-password-form.tsx'
import { usePasswordLinkToken } from '@/features/password/hooks/use-password-link-token.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { ApiError } from '@/lib/api-client.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { PageTitle } from '../page-title.tsx'

/**
 * The page of the welcome and reset e-mails (/wachtwoord-instellen#<token>): checks the
 * link, says whose account it is, and lets the person create their password.
 */
export function SetPasswordPage() {
  const t = useT()
  const [language] = useLanguage()
  const token = usePasswordLinkToken()
  const link = usePasswordToken(token)
  const [usedUp, setUsedUp] = useState(false)

  const invalid = token === null || usedUp || (link.error instanceof ApiError && link.error.code === 'token_invalid')
  const title = link.data && !invalid ? t(link.data.purpose === 'welcome' ? 'setPassword.titleWelcome' : 'setPassword.titleReset') : t('setPassword.title')

  let content
  if (invalid) {
    content = (
      <>
        <Alert>
          <p>{t('setPassword.invalidLink')}</p>
        </Alert>
        <p className="set-password__next">
          <Link to="/wachtwoord-vergeten">{t('setPassword.requestNew')}</Link>
        </p>
      </>
    )
  } else if (link.isError) {
    content = (
      <Alert>
        <p>{errorMessage(link.error, language)}</p>
        <Button variant="secondary" onClick={() => void link.refetch()}>
          {t('app.retry')}
        </Button>
      </Alert>
    )
  } else if (!link.data) {
    content = <p role="status">{t('setPassword.checking')}</p>
  } else {
    content = (
      <>
        <p>{t(link.data.purpose === 'welcome' ? 'setPassword.welcome' : 'setPassword.reset', { name: link.data.displayName })}</p>
        <SetPasswordForm token={token} person={link.data} onLinkInvalid={() => setUsedUp(true)} />
      </>
    )
  }

  return (
    <div className="card card--narrow">
      <PageTitle title={title} />
      <PageHeading>{title}</PageHeading>
      {content}
    </div>
  )
}
