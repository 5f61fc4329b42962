import { StepUp } from '@/features/auth/components/step-up.tsx'
import { useT } from '@/i18n/use-t.ts'
import { PageTitle } from '../page-title.tsx'

/** Where a portal session is asked to log in more strongly before it reads the record (/veiliger-inloggen). */
export function StepUpPage() {
  const t = useT()
  return (
    <>
      <PageTitle title={t('stepUp.title')} />
      <StepUp />
    </>
  )
}
