import { PageHeading } from '@/components/ui/page-heading.tsx'
import { LoginForm } from '@/features/auth/components/login-form.tsx'
import { NewsPanel } from '@/features/news/components/news-panel.tsx'
import { SupportText } from '@/features/organisation/components/support-text.tsx'
import { useT } from '@/i18n/use-t.ts'
import { PageTitle } from '../page-title.tsx'
import './login-page.css'

/** The first screen, as in the Topaz manual: the login form on the left, news on the right (below on a phone). */
export function LoginPage() {
  const t = useT()
  return (
    <div className="login-page">
      <PageTitle title={t('login.title')} />
      <div className="login-page__form card">
        <PageHeading>{t('login.title')}</PageHeading>
        <p>{t('login.intro')}</p>
        <LoginForm />
        <SupportText className="login-page__support" />
      </div>
      <NewsPanel className="login-page__news card" />
    </div>
  )
}
