import type { Report } from '@shared/schemas/reports.ts'
import { ButtonLink } from '@/components/ui/button-link.tsx'
import { MetaLine } from '@/components/ui/meta-line.tsx'
import { PlainText } from '@/components/ui/plain-text.tsx'
import { clientPath } from '@/lib/client-record-paths.ts'
import { formatShortDate, formatTime } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { HomeCard } from './home-card.tsx'

export function ReportCard({ clientId, report }: { clientId: string; report: Report | null }) {
  const t = useT()
  const [language] = useLanguage()
  return (
    <HomeCard title={t('menu.reports')} actions={<ButtonLink to={clientPath(clientId, 'reports')}>{t('homeCards.allReports')}</ButtonLink>}>
      <p>{t('homeCards.reportsIntro')}</p>
      {report ? (
        <article>
          <MetaLine
            className="home-card__meta"
            parts={[
              <time key="d" dateTime={report.reportedAt}>{formatShortDate(report.reportedAt, language)}</time>,
              formatTime(report.reportedAt, language),
              report.team,
              report.authorName ? `${report.authorRole} (${report.authorName})` : report.authorRole,
              report.carePlanGoal,
            ]}
          />
          <PlainText text={report.text} />
        </article>
      ) : (
        <p>{t('reports.none')}</p>
      )}
    </HomeCard>
  )
}
