import { Link } from 'react-router'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import type { MessageKey } from '@/i18n/nl.ts'
import { useT } from '@/i18n/use-t.ts'
import { PageTitle } from '../page-title.tsx'

/** A section of the menu whose page comes with a later issue: said plainly, with the way back. */
export function SectionNotReadyPage({ title }: { title: MessageKey }) {
  const t = useT()
  return (
    <div className="card card--narrow">
      <PageTitle title={t(title)} />
      <PageHeading>{t(title)}</PageHeading>
      <p>{t('notReady.text')}</p>
      <p>
        <Link to="/home">{t('notReady.back')}</Link>
      </p>
    </div>
  )
}
