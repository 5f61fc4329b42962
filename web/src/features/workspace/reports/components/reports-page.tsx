import { useState } from 'react'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { RecordList } from '@/components/ui/record-list.tsx'
import { useT } from '@/i18n/use-t.ts'
import { type ReportView, useWorkspaceReports } from '../api/get-reports.ts'
import { useWriteReport } from '../api/write-report.ts'
import { ReportForm } from './report-form.tsx'
import { ReportItem } from './report-item.tsx'
import { usePanel } from '../../use-panel.ts'
import '../../workspace.css'

/** "Rapportages" in the workspace: write one, correct one's own, and see all (hidden ones marked) or what the portal shows. */
export function WorkspaceReportsPage({ clientId }: { clientId: string }) {
  const t = useT()
  const [view, setView] = useState<ReportView>('all')
  const { open: writing, setOpen: setWriting, buttonRef, headingRef } = usePanel()
  const [written, setWritten] = useState(false)
  const reports = useWorkspaceReports(clientId, view)
  const write = useWriteReport(clientId)
  const items = reports.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <div className="card">
      <PageHeading>{t('menu.reports')}</PageHeading>
      {written ? <Notice>{t('workspace.reports.written')}</Notice> : null}
      {writing ? (
        <section className="workspace-panel" aria-labelledby="nieuwe-rapportage-titel">
          <h2 id="nieuwe-rapportage-titel" ref={headingRef} tabIndex={-1}>{t('workspace.reports.new')}</h2>
          <ReportForm
            idPrefix="nieuwe-rapportage"
            submitLabel={t('workspace.reports.save')}
            pending={write.isPending}
            error={write.error}
            onSubmit={(request) => write.mutate(request, { onSuccess: () => { setWriting(false); setWritten(true) } })}
            onCancel={() => setWriting(false)}
          />
        </section>
      ) : (
        <Button ref={buttonRef} onClick={() => { write.reset(); setWriting(true); setWritten(false) }}>{t('workspace.reports.new')}</Button>
      )}
      <fieldset className="workspace-choice">
        <legend>{t('workspace.reports.viewLegend')}</legend>
        {(['all', 'portal'] as const).map((option) => (
          <label key={option} className="workspace-choice__option">
            <input type="radio" name="rapportages-weergave" value={option} checked={view === option} onChange={() => setView(option)} />
            {t(option === 'all' ? 'workspace.reports.viewAll' : 'workspace.reports.viewPortal')}
          </label>
        ))}
      </fieldset>
      {reports.isPending ? <Loading>{t('reports.loading')}</Loading> : null}
      {reports.isError ? <LoadError message={t('reports.loadError')} retryLabel={t('record.retry')} onRetry={() => void reports.refetch()} /> : null}
      {reports.isSuccess && items.length === 0 ? <p>{t('reports.none')}</p> : null}
      {items.length > 0 ? (
        <RecordList label={t('menu.reports')}>
          {items.map((report) => (
            <ReportItem key={report.id} clientId={clientId} report={report} />
          ))}
        </RecordList>
      ) : null}
      {reports.hasNextPage ? (
        <Button variant="secondary" aria-disabled={reports.isFetchingNextPage} onClick={() => !reports.isFetchingNextPage && void reports.fetchNextPage()}>
          {t('record.loadMore')}
        </Button>
      ) : null}
    </div>
  )
}
