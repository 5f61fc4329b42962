import { useLocation } from 'react-router'
import type { AppointmentPeriod } from '@shared/schemas/appointments.ts'
import { AppointmentDays, AppointmentPeriodSection } from '@/components/record/appointment-days.tsx'
import { ButtonLink } from '@/components/ui/button-link.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { clientPath } from '@/lib/client-record-paths.ts'
import { pagedList } from '@/lib/paged-list.ts'
import { useT } from '@/i18n/use-t.ts'
import { useAppointments } from '../api/get-appointments.ts'
import { AppointmentItem } from './appointment-item.tsx'

function Period({ clientId, period }: { clientId: string; period: AppointmentPeriod }) {
  const { items, state } = pagedList(useAppointments(clientId, period))
  return (
    <AppointmentPeriodSection period={period} {...state}>
      <AppointmentDays
        items={items}
        dayClassName="appointment__day"
        renderItem={(appointment) => <AppointmentItem key={appointment.id} clientId={clientId} appointment={appointment} editable={period === 'upcoming'} />}
      />
    </AppointmentPeriodSection>
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
