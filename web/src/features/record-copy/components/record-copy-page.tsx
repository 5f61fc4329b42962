import { Actions } from '@/components/ui/actions.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { clientApiPath } from '@/lib/client-record-paths.ts'
import { useT } from '@/i18n/use-t.ts'

/**
 * "Mijn gegevens downloaden": the electronic copy of everything this link may see, made by
 * the server at the moment of asking. Plain download links: the browser saves the file.
 */
export function RecordCopyPage({ clientId }: { clientId: string }) {
  const t = useT()
  return (
    <div className="card card--narrow">
      <PageHeading>{t('copy.title')}</PageHeading>
      <p>{t('copy.intro')}</p>
      <p>{t('copy.contents')}</p>
      <p>{t('copy.careful')}</p>
      <Actions>
        <a className="button button--primary" href={clientApiPath(clientId, 'copy.pdf')} download>
          {t('copy.pdf')}
        </a>
        <a className="button button--secondary" href={clientApiPath(clientId, 'copy.json')} download>
          {t('copy.json')}
        </a>
      </Actions>
      <p className="record-copy__hint">{t('copy.formats')}</p>
    </div>
  )
}
