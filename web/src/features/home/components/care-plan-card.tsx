import type { CarePlanPrint } from '@shared/schemas/care-plan-prints.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { ButtonLink } from '@/components/ui/button-link.tsx'
import { clientApiPath, clientPath } from '@/lib/client-record-paths.ts'
import { formatWeekdayDay } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { HomeCard } from './home-card.tsx'

/** The newest signed care-plan print, with its two PDF downloads as plain links. */
export function CarePlanCard({ clientId, print }: { clientId: string; print: CarePlanPrint | null }) {
  const t = useT()
  const [language] = useLanguage()
  const file = (name: string) => clientApiPath(clientId, `care-plan-prints/${print?.id ?? ''}/${name}`)
  return (
    <HomeCard
      title={t('menu.carePlanPrints')}
      actions={<ButtonLink to={clientPath(clientId, 'carePlanPrints')}>{t('homeCards.allPrints')}</ButtonLink>}
    >
      {print ? (
        <>
          <p className="home-card__meta">{t('prints.of', { date: formatWeekdayDay(print.planDate, language) })}</p>
          <p>{print.signedOn ? t('prints.signedOn', { date: formatWeekdayDay(print.signedOn, language) }) : t('prints.notSigned')}</p>
          <h3 className="home-card__subtitle">{t('homeCards.download')}</h3>
          <Actions className="home-card__downloads">
            <a className="button button--secondary" href={file('print.pdf')} download>
              {t('prints.print')}
            </a>
            {print.signatureSheetSize !== null ? (
              <a className="button button--secondary" href={file('signature-sheet.pdf')} download>
                {t('prints.signatureSheet')}
              </a>
            ) : null}
          </Actions>
        </>
      ) : (
        <p>{t('prints.none')}</p>
      )}
    </HomeCard>
  )
}
