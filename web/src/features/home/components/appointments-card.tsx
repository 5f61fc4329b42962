import type { Appointment } from '@shared/schemas/appointments.ts'
import { ButtonLink } from '@/components/ui/button-link.tsx'
import { MetaLine } from '@/components/ui/meta-line.tsx'
import { clientPath } from '@/lib/client-record-paths.ts'
import { useT } from '@/i18n/use-t.ts'
import { HomeCard } from './home-card.tsx'

function Day({ title, appointments }: { title: string; appointments: Appointment[] }) {
  const t = useT()
  return (
    <>
      <h3 className="home-card__subtitle">{title}</h3>
      {appointments.length === 0 ? (
        <p>{t('appointments.none')}</p>
      ) : (
        <ul className="home-card__list">
          {appointments.map((appointment) => (
            <li key={appointment.id}>
              <MetaLine className="home-card__meta" parts={[`${appointment.startTime} – ${appointment.endTime}`, appointment.title]} />
              <MetaLine parts={[appointment.location, appointment.withWhom]} />
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** "Afspraken vandaag en morgen", with "Geen afspraken" for a day without. */
export function AppointmentsCard({ clientId, today, tomorrow }: { clientId: string; today: Appointment[]; tomorrow: Appointment[] }) {
  const t = useT()
  return (
    <HomeCard
      title={t('homeCards.appointmentsTitle')}
      actions={
        <>
          <ButtonLink to={clientPath(clientId, 'newAppointment')}>{t('appointments.new')}</ButtonLink>
          <ButtonLink to={clientPath(clientId, 'appointments')}>{t('homeCards.allAppointments')}</ButtonLink>
        </>
      }
    >
      <Day title={t('appointments.today')} appointments={today} />
      <Day title={t('appointments.tomorrow')} appointments={tomorrow} />
    </HomeCard>
  )
}
