import { Link } from 'react-router'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { useT } from '@/i18n/use-t.ts'
import { PageTitle } from '../page-title.tsx'

/** Any address the app does not know. */
export function NotFoundPage() {
  const t = useT()
  return (
    <div className="card card--narrow">
      <PageTitle title={t('notFound.title')} />
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </div>
  )
}
