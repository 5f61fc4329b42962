import type { ProfileSummary } from '@shared/schemas/home.ts'
import { ButtonLink } from '@/components/ui/button-link.tsx'
import { clientPath } from '@/lib/client-record-paths.ts'
import { formatDay } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { HomeCard } from './home-card.tsx'

export function ProfileCard({ clientId, profile }: { clientId: string; profile: ProfileSummary }) {
  const t = useT()
  const [language] = useLanguage()
  return (
    <HomeCard title={t('homeCards.profileTitle')} actions={<ButtonLink to={clientPath(clientId, 'profile')}>{t('homeCards.fullProfile')}</ButtonLink>}>
      <p className="home-card__meta">{profile.name}</p>
      <dl className="home-card__facts">
        <dt>{t('clientProfile.dateOfBirth')}</dt>
        <dd>{formatDay(profile.dateOfBirth, language)}</dd>
        <dt>{t('clientProfile.age')}</dt>
        <dd>{t('clientProfile.years', { age: String(profile.age) })}</dd>
      </dl>
    </HomeCard>
  )
}
