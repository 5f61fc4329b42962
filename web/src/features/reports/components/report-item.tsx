import type { Report } from '@shared/schemas/reports.ts'
import { MetaLine } from '@/components/ui/meta-line.tsx'
import { PlainText } from '@/components/ui/plain-text.tsx'
import { formatShortDate, formatTime } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'

/** One report: when, which team, who wrote it (role, and name where the organisation shows it), the goal, the text. */
export function ReportItem({ report }: { report: Report }) {
  const t = useT()
  const [language] = useLanguage()
  return (
    <li className="record-list__item">
      <article aria-label={t('reports.itemLabel', { date: formatShortDate(report.reportedAt, language), time: formatTime(report.reportedAt, language) })}>
        <MetaLine
          className="record-list__meta"
          parts={[
            <time key="d" dateTime={report.reportedAt}>{formatShortDate(report.reportedAt, language)}</time>,
            formatTime(report.reportedAt, language),
            report.team,
            report.authorName ? `${report.authorRole} (${report.authorName})` : report.authorRole,
          ]}
        />
        <p className="record-list__goal">
          <span className="record-list__label">{t('reports.goal')}</span> {report.carePlanGoal}
        </p>
        <PlainText text={report.text} />
      </article>
    </li>
  )
}
