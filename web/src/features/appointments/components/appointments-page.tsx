import { useLocation } from 'react-router'
import type { Appointment, AppointmentPeriod } from '@shared/schemas/appointments.ts'
import { Button } from '@/components/ui/button.tsx'
import { ButtonLink } from '@/components/ui/button-link.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { RecordList } from '@/components/ui/record-list.tsx'
import { clientPath } from '@/lib/client-record-paths.ts'
import { formatWeekdayDay } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useAppointments } from '../api/get-appointments.ts'
import { AppointmentItem } from './appointment-item.tsx'

/** Today's calendar day in Dutch time, "2026-11-27", to say "Vandaag" and "Morgen". */
function dutchDay(offsetDays: number): string {
  const moment = new Date(Date.now() + offsetDays * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment)
}

/** Appointments grouped per day, each day under its own heading ("Vandaag", "Morgen", "vrijdag 4 december 2026"). */
function Days({ clientId, items, editable }: { clientId: string; items: Appointment[]; editable: boolean }) {
  const t = useT()
  const [language] = useLanguage()
  const days = new Map<string, Appointment[]>()
  for (const item of items) days.set(item.date, [...(days.get(item.date) ?? []), item])
  const today = dutchDay(0)
  const tomorrow = dutchDay(1)
  return [...days].map(([day, list]) => {
    const title = day === today ? t('appointments.today') : day === tomorrow ? t('appointments.tomorrow') : formatWeekdayDay(day, language)
    return (
      <section key={day} aria-label={title}>
        <h3 className="appointment__day">{title}</h3>
        <RecordList label={title}>
          {list.map((appointment) => (
            <AppointmentItem key={appointment.id} clientId={clientId} appointment={appointment} editable={editable} />
          ))}
        </RecordList>
      </section>
    )
  })
}

function Period({ clientId, period }: { clientId: string; period: AppointmentPeriod }) {
  const t = useT()
  const appointments = useAppointments(clientId, period)
  const items = appointments.data?.pages.flatMap((page) => page.items) ?? []
  const title = period === 'upcoming' ? t('appointments.upcoming') : t('appointments.past')
  return (
    <section className="record-section" aria-labelledby={`afspraken-${period}`}>
      <h2 id={`afspraken-${period}`}>{title}</h2>
      {appointments.isPending ? <Loading>{t('appointments.loading')}</Loading> : null}
      {appointments.isError ? <LoadError message={t('appointments.loadError')} retryLabel={t('record.retry')} onRetry={() => void appointments.refetch()} /> : null}
      {appointments.isSuccess && items.length === 0 ? <p>{t('appointments.none')}</p> : null}
      <Days clientId={clientId} items={items} editable={period === 'upcoming'} />
      {appointments.hasNextPage ? (
        <Button variant="secondary" aria-disabled={appointments.isFetchingNextPage} onClick={() => !appointments.isFetchingNextPage && void appointments.fetchNextPage()}>
          {t('record.loadMore')}
        </Button>
      ) : null}
    </section>
  )
}

/** "Afspraken": what lies ahead (today and tomorrow first), what has been, and "Nieuwe afspraak". */
export function AppointmentsPage({ clientId }: { clientId: string }) {
  const t = useT()
  const { state } = useLocation()
  const added = (state as { appointmentAdded?: boolean } | null)?.appointmentAdded === true
  return (
    <div className="card">
      <PageHeading>{t('menu.appointments')}</PageHeading>
      <p>{t('appointments.intro')}</p>
      {added ? <Notice>{t('appointments.added')}</Notice> : null}
      <ButtonLink variant="primary" to={clientPath(clientId, 'newAppointment')}>
        {t('appointments.new')}
      </ButtonLink>
      <Period clientId={clientId} period="upcoming" />
      <Period clientId={clientId} period="past" />
    </div>
  )
}
