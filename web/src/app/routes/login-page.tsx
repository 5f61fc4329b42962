import { Navigate, useLocation } from 'react-router'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { DigidLogin } from '@/features/auth/components/digid-login.tsx'
import { LoginJourney } from '@/features/auth/components/login-journey.tsx'
import type { LoginPageState } from '@/features/auth/hooks/use-logout.ts'
import { useSession } from '@/features/auth/hooks/use-session.ts'
import { NewsPanel } from '@/features/news/components/news-panel.tsx'
import { PasskeyLogin } from '@/features/profile/components/passkey-login.tsx'
import { SsoLogin } from '@/features/auth/components/sso-login.tsx'
import { SupportText } from '@/features/organisation/components/support-text.tsx'
import { useT } from '@/i18n/use-t.ts'
import { PageTitle } from '../page-title.tsx'
import './login-page.css'

function loginPageState(state: unknown): LoginPageState {
  if (typeof state !== 'object' || state === null) return {}
  const { notice, from } = state as Record<string, unknown>
  return {
    notice: notice === 'idle' || notice === 'logged-out' || notice === 'session-ended' ? notice : undefined,
    // Only paths inside the portal: never an address elsewhere.
    from: typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : undefined,
  }
}

/**
 * The first screen, as in the Topaz manual: the login form on the left, news on the right
 * (below on a phone). Someone already logged in goes on to the portal.
 */
export function LoginPage() {
  const t = useT()
  const session = useSession()
  const { state } = useLocation()
  const { notice, from } = loginPageState(state)

  if (session.status === 'authenticated') return <Navigate to={from ?? '/home'} replace />

  return (
    <div className="login-page">
      <PageTitle title={t('login.title')} />
      <div className="login-page__form card">
        <PageHeading>{t('login.title')}</PageHeading>
        {notice ? (
          <div className="login-page__notice">
            <Notice>
              <p>{t(`login.notice.${notice}`)}</p>
            </Notice>
          </div>
        ) : null}
        <DigidLogin />
        <p>{t('login.intro')}</p>
        <LoginJourney />
        <PasskeyLogin className="login-page__passkey" />
        <SsoLogin className="login-page__passkey" />
        <SupportText className="login-page__support" />
      </div>
      <NewsPanel className="login-page__news card" />
    </div>
  )
}
