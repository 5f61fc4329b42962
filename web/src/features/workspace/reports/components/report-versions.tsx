import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { MetaLine } from '@/components/ui/meta-line.tsx'
import { PlainText } from '@/components/ui/plain-text.tsx'
import { formatDateTime, formatShortDate, formatTime } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useReportVersions } from '../api/get-report-versions.ts'

/** The earlier texts of a corrected report, oldest first, each with when it was replaced. */
export function ReportVersions({ clientId, reportId }: { clientId: string; reportId: string }) {
  const t = useT()
  const [language] = useLanguage()
  const versions = useReportVersions(clientId, reportId, true)
  if (versions.isPending) return <Loading>{t('workspace.reports.versionsLoading')}</Loading>
  if (versions.isError) return <LoadError message={t('workspace.reports.versionsLoadError')} retryLabel={t('record.retry')} onRetry={() => void versions.refetch()} />
  return (
    <ol className="workspace-versions" aria-label={t('workspace.reports.versionsLabel')}>
      {versions.data.items.map((version) => (
        <li key={version.version} className="workspace-versions__item">
          <p className="record-list__meta">{t('workspace.reports.versionTitle', { version: String(version.version), date: formatDateTime(version.replacedAt, language) })}</p>
          <MetaLine
            parts={[
              <time key="d" dateTime={version.reportedAt}>{formatShortDate(version.reportedAt, language)}</time>,
              formatTime(version.reportedAt, language),
              version.visibleInPortal ? t('workspace.reports.visibleShort') : t('workspace.reports.hidden'),
            ]}
          />
          {version.carePlanGoal ? (
            <p>
              <span className="record-list__label">{t('reports.goal')}</span> {version.carePlanGoal}
            </p>
          ) : null}
          <PlainText text={version.text} />
        </li>
      ))}
    </ol>
  )
}
