import { DigidUnknown } from '@/features/auth/components/digid-unknown.tsx'
import { useT } from '@/i18n/use-t.ts'
import { PageTitle } from '../page-title.tsx'

/** Where a DigiD login without an account here ends (/inloggen/digid-onbekend). */
export function DigidUnknownPage() {
  const t = useT()
  return (
    <>
      <PageTitle title={t('digidUnknown.title')} />
      <DigidUnknown />
    </>
  )
}
