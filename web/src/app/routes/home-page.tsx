import { PageHeading } from '@/components/ui/page-heading.tsx'
import { useSession } from '@/features/auth/hooks/use-session.ts'
import { useT } from '@/i18n/use-t.ts'
import { PageTitle } from '../page-title.tsx'

/**
 * Home. The cards of the record (reports, messages, appointments, ...) arrive with the
 * portal issue; until then this page greets the person and says plainly that the rest is
 * not there yet, rather than showing empty or made-up cards.
 */
export function HomePage() {
  const t = useT()
  const session = useSession()
  const name = session.status === 'authenticated' ? session.displayName : ''
  return (
    <div className="card">
      <PageTitle title={t('home.title')} />
      <PageHeading>{t('home.greeting', { name })}</PageHeading>
      <p>{t('home.loggedIn')}</p>
      <p>{t('home.notYet')}</p>
    </div>
  )
}
