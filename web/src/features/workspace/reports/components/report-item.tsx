import { useState } from 'react'
import type { WorkspaceReport } from '@shared/schemas/workspace-record.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Button } from '@/components/ui/button.tsx'
import { MetaLine } from '@/components/ui/meta-line.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PlainText } from '@/components/ui/plain-text.tsx'
import { formatShortDate, formatTime } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useCorrectReport } from '../api/correct-report.ts'
import { ReportForm } from './report-form.tsx'
import { ReportVersions } from './report-versions.tsx'
import { usePanel } from '../../use-panel.ts'

/**
 * One report as the care team sees it: hidden ones marked "Niet zichtbaar in portaal", one's
 * own with "Corrigeren" while the 24 hours last, and the earlier versions of a corrected one.
 */
export function ReportItem({ clientId, report }: { clientId: string; report: WorkspaceReport }) {
  const t = useT()
  const [language] = useLanguage()
  const { open: correcting, setOpen: setCorrecting, buttonRef, headingRef } = usePanel()
  const [corrected, setCorrected] = useState(false)
  const [showVersions, setShowVersions] = useState(false)
  const correct = useCorrectReport(clientId)
  const label = t('reports.itemLabel', { date: formatShortDate(report.reportedAt, language), time: formatTime(report.reportedAt, language) })

  if (correcting && report.correctableUntil)
    return (
      <li className="record-list__item">
        <h3 ref={headingRef} tabIndex={-1}>{t('workspace.reports.correctTitle', { date: formatShortDate(report.reportedAt, language), time: formatTime(report.reportedAt, language) })}</h3>
        <ReportForm
          idPrefix={`rapportage-${report.id}`}
          initial={report}
          submitLabel={t('workspace.reports.saveCorrection')}
          pending={correct.isPending}
          error={correct.error}
          onSubmit={(request) => correct.mutate({ reportId: report.id, request }, { onSuccess: () => { setCorrecting(false); setCorrected(true) } })}
          onCancel={() => setCorrecting(false)}
        />
      </li>
    )

  return (
    <li className={`record-list__item ${report.visibleInPortal ? '' : 'workspace-report--hidden'}`}>
      <article aria-label={label}>
        <MetaLine
          className="record-list__meta"
          parts={[
            report.visibleInPortal ? null : <span key="h" className="record-list__marker">{t('workspace.reports.hidden')}</span>,
            <time key="d" dateTime={report.reportedAt}>{formatShortDate(report.reportedAt, language)}</time>,
            formatTime(report.reportedAt, language),
            report.team,
            report.authorName ? `${report.authorRole} (${report.authorName})` : report.authorRole,
            report.earlierVersions > 0 ? t('workspace.reports.corrected') : null,
          ]}
        />
        {report.carePlanGoal ? (
          <p className="record-list__goal">
            <span className="record-list__label">{t('reports.goal')}</span> {report.carePlanGoal}
          </p>
        ) : null}
        <PlainText text={report.text} />
        {corrected ? <Notice>{t('workspace.reports.correctionSaved')}</Notice> : null}
        {report.correctableUntil ? <p className="workspace-form__hint">{t('workspace.reports.correctableUntil', { time: formatTime(report.correctableUntil, language), date: formatShortDate(report.correctableUntil, language) })}</p> : null}
        {report.correctableUntil || report.earlierVersions > 0 ? (
          <Actions>
            {report.correctableUntil ? (
              <Button ref={buttonRef} variant="secondary" aria-label={`${t('workspace.reports.correct')}: ${label}`} onClick={() => { correct.reset(); setCorrecting(true); setCorrected(false) }}>
                {t('workspace.reports.correct')}
              </Button>
            ) : null}
            {report.earlierVersions > 0 ? (
              <Button variant="secondary" aria-expanded={showVersions} onClick={() => setShowVersions(!showVersions)}>
                {showVersions ? t('workspace.reports.hideVersions') : t('workspace.reports.showVersions', { count: String(report.earlierVersions) })}
              </Button>
            ) : null}
          </Actions>
        ) : null}
        {showVersions ? <ReportVersions clientId={clientId} reportId={report.id} /> : null}
      </article>
    </li>
  )
}
