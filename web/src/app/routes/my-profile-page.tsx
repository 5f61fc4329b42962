import { PageHeading } from '@/components/ui/page-heading.tsx'
import { ProfileOverview } from '@/features/profile/components/profile-overview.tsx'
import { useT } from '@/i18n/use-t.ts'
import { PageTitle } from '../page-title.tsx'

/** "Mijn profiel", from the menu under the person's name: their details, password, ways to log in and sessions. */
export function MyProfilePage() {
  const t = useT()
  return (
    <>
      <PageTitle title={t('profile.title')} />
      <PageHeading>{t('profile.title')}</PageHeading>
      <ProfileOverview />
    </>
  )
}
