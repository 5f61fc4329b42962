import { Link } from 'react-router'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { useT } from '@/i18n/use-t.ts'

/**
 * The calm page after a DigiD login that no account here belongs to. It says what to do and
 * nothing about which accounts exist: the same page whatever the reason was.
 */
export function DigidUnknown() {
  const t = useT()
  return (
    <div className="card">
      <PageHeading>{t('digidUnknown.title')}</PageHeading>
      <p>{t('digidUnknown.text')}</p>
      <p>{t('digidUnknown.whatToDo')}</p>
      <p>
        <Link to="/inloggen">{t('digidUnknown.back')}</Link>
      </p>
    </div>
  )
}
