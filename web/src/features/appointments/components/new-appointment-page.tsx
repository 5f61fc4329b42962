import { useNavigate } from 'react-router'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { clientPath } from '@/lib/client-record-paths.ts'
import { useT } from '@/i18n/use-t.ts'
import { useCreateAppointment } from '../api/create-appointment.ts'
import { AppointmentForm } from '@/components/record/appointment-form.tsx'
import './appointments.css'

/** "Nieuwe afspraak", e.g. a family visit; afterwards back to Afspraken, which confirms it. */
export function NewAppointmentPage({ clientId }: { clientId: string }) {
  const t = useT()
  const navigate = useNavigate()
  const create = useCreateAppointment(clientId)
  const back = (added: boolean) => navigate(clientPath(clientId, 'appointments'), { state: added ? { appointmentAdded: true } : null })
  return (
    <div className="card card--narrow">
      <PageHeading>{t('appointments.new')}</PageHeading>
      <p>{t('appointments.newIntro')}</p>
      <AppointmentForm
        idPrefix="nieuwe-afspraak"
        submitLabel={t('appointments.add')}
        titleRequired="appointments.titleRequired"
        classNames={{ form: 'appointment-form', times: 'appointment-form__times' }}
        pending={create.isPending}
        error={create.error}
        onSubmit={(request) => create.mutate(request, { onSuccess: () => back(true) })}
        onCancel={() => back(false)}
      />
    </div>
  )
}
