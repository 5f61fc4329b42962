import { Actions } from '@/components/ui/actions.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { RecordList } from '@/components/ui/record-list.tsx'
import { formatWeekdayDay } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { carePlanFileUrl, useCarePlanPrints } from '../api/get-care-plan-prints.ts'

/** Size of a download in words a person knows: "PDF, 120 kB". */
function fileSize(bytes: number): string {
  return bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1000))} kB` : `${(bytes / 1_000_000).toFixed(1).replace('.', ',')} MB`
}

/** "Cliëntplanafdrukken": every signed version of the care plan, each with its PDF and signature sheet. */
export function CarePlanPrintsPage({ clientId }: { clientId: string }) {
  const t = useT()
  const [language] = useLanguage()
  const prints = useCarePlanPrints(clientId)
  return (
    <div className="card">
      <PageHeading>{t('menu.carePlanPrints')}</PageHeading>
      <p>{t('prints.intro')}</p>
      {prints.isPending ? <Loading>{t('prints.loading')}</Loading> : null}
      {prints.isError ? <LoadError message={t('prints.loadError')} retryLabel={t('record.retry')} onRetry={() => void prints.refetch()} /> : null}
      {prints.data?.items.length === 0 ? <p>{t('prints.none')}</p> : null}
      {prints.data && prints.data.items.length > 0 ? (
        <RecordList label={t('menu.carePlanPrints')}>
          {prints.data.items.map((print) => {
            const planDate = formatWeekdayDay(print.planDate, language)
            return (
              <li key={print.id} className="record-list__item">
                <h2 className="record-list__meta">{t('prints.of', { date: planDate })}</h2>
                <p>{print.signedOn ? t('prints.signedOn', { date: formatWeekdayDay(print.signedOn, language) }) : t('prints.notSigned')}</p>
                <Actions>
                  <a className="button button--secondary" href={carePlanFileUrl(clientId, print.id, 'print')} download>
                    {t('prints.print')}
                    <span className="visually-hidden"> {t('prints.ofShort', { date: planDate })}</span> ({t('prints.pdfSize', { size: fileSize(print.printSize) })})
                  </a>
                  {print.signatureSheetSize !== null ? (
                    <a className="button button--secondary" href={carePlanFileUrl(clientId, print.id, 'signature-sheet')} download>
                      {t('prints.signatureSheet')}
                      <span className="visually-hidden"> {t('prints.ofShort', { date: planDate })}</span> ({t('prints.pdfSize', { size: fileSize(print.signatureSheetSize) })})
                    </a>
                  ) : null}
                </Actions>
              </li>
            )
          })}
        </RecordList>
      ) : null}
    </div>
  )
}
