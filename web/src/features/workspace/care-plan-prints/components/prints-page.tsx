import { useState } from 'react'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { RecordList } from '@/components/ui/record-list.tsx'
import { formatDay, formatWeekdayDay } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { workspaceApiPath } from '../../workspace-paths.ts'
import { useWorkspacePrints } from '../api/get-prints.ts'
import { UploadPrintForm } from './upload-print-form.tsx'
import { usePanel } from '../../use-panel.ts'
import '../../workspace.css'

/** "123 kB": a file's size, so a caregiver on a slow ward connection knows what a download costs. */
function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** "Cliëntplanafdrukken" in the workspace: the signed prints with their downloads, and uploading a new one. */
export function WorkspacePrintsPage({ clientId }: { clientId: string }) {
  const t = useT()
  const [language] = useLanguage()
  const prints = useWorkspacePrints(clientId)
  const { open: adding, setOpen: setAdding, buttonRef, headingRef } = usePanel()
  const [added, setAdded] = useState(false)
  return (
    <div className="card">
      <PageHeading>{t('menu.carePlanPrints')}</PageHeading>
      <p>{t('workspace.prints.intro')}</p>
      {added ? <Notice>{t('workspace.prints.added')}</Notice> : null}
      {adding ? (
        <section className="workspace-panel" aria-labelledby="afdruk-titel">
          <h2 id="afdruk-titel" ref={headingRef} tabIndex={-1}>{t('workspace.prints.new')}</h2>
          <UploadPrintForm clientId={clientId} onDone={() => { setAdding(false); setAdded(true) }} onCancel={() => setAdding(false)} />
        </section>
      ) : (
        <Button ref={buttonRef} onClick={() => { setAdding(true); setAdded(false) }}>{t('workspace.prints.new')}</Button>
      )}
      <h2>{t('workspace.prints.listTitle')}</h2>
      {prints.isPending ? <Loading>{t('workspace.prints.loading')}</Loading> : null}
      {prints.isError ? <LoadError message={t('workspace.prints.loadError')} retryLabel={t('record.retry')} onRetry={() => void prints.refetch()} /> : null}
      {prints.data && prints.data.items.length === 0 ? <p>{t('workspace.prints.none')}</p> : null}
      {prints.data && prints.data.items.length > 0 ? (
        <RecordList label={t('workspace.prints.listTitle')}>
          {prints.data.items.map((print) => {
            const title = t('workspace.prints.itemTitle', { date: formatWeekdayDay(print.planDate, language) })
            return (
              <li key={print.id} className="record-list__item">
                <h3 className="workspace-day">{title}</h3>
                <p>{print.signedOn ? t('workspace.prints.signedOnText', { date: formatDay(print.signedOn, language) }) : t('workspace.prints.notSigned')}</p>
                <ul className="workspace-downloads">
                  <li>
                    <a href={workspaceApiPath(clientId, `care-plan-prints/${print.id}/print.pdf`)} download aria-label={`${t('workspace.prints.downloadPrint')} (PDF, ${size(print.printSize)}), ${title}`}>
                      {t('workspace.prints.downloadPrint')} (PDF, {size(print.printSize)})
                    </a>
                  </li>
                  {print.signatureSheetSize !== null ? (
                    <li>
                      <a href={workspaceApiPath(clientId, `care-plan-prints/${print.id}/signature-sheet.pdf`)} download aria-label={`${t('workspace.prints.downloadSheet')} (PDF, ${size(print.signatureSheetSize)}), ${title}`}>
                        {t('workspace.prints.downloadSheet')} (PDF, {size(print.signatureSheetSize)})
                      </a>
                    </li>
                  ) : (
                    <li>{t('workspace.prints.noSheet')}</li>
                  )}
                </ul>
              </li>
            )
          })}
        </RecordList>
      ) : null}
    </div>
  )
}
