import { useState } from 'react'
import type { AppointmentPeriod } from '@shared/schemas/appointments.ts'
import { AppointmentDays, AppointmentPeriodSection } from '@/components/record/appointment-days.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { pagedList } from '@/lib/paged-list.ts'
import { useT } from '@/i18n/use-t.ts'
import { useCreateAppointment } from '../api/create-appointment.ts'
import { useWorkspaceAppointments } from '../api/get-appointments.ts'
import { AppointmentForm } from '@/components/record/appointment-form.tsx'
import { AppointmentItem } from './appointment-item.tsx'
import { usePanel } from '../../use-panel.ts'
import '../../workspace.css'

function Period({ clientId, period }: { clientId: string; period: AppointmentPeriod }) {
  const { items, state } = pagedList(useWorkspaceAppointments(clientId, period))
  return (
    <AppointmentPeriodSection period={period} {...state}>
      <AppointmentDays
        items={items}
        dayClassName="workspace-day"
        renderItem={(appointment) => <AppointmentItem key={appointment.id} clientId={clientId} appointment={appointment} editable={period === 'upcoming'} />}
      />
    </AppointmentPeriodSection>
  )
}

/** "Afspraken" in the workspace: what lies ahead and what has been, who made each, and a new one for the team. */
export function WorkspaceAppointmentsPage({ clientId }: { clientId: string }) {
  const t = useT()
  const { open: adding, setOpen: setAdding, buttonRef, headingRef } = usePanel()
  const [added, setAdded] = useState(false)
  const create = useCreateAppointment(clientId)
  return (
    <div className="card">
      <PageHeading>{t('menu.appointments')}</PageHeading>
      <p>{t('workspace.appointments.intro')}</p>
      {added ? <Notice>{t('workspace.appointments.added')}</Notice> : null}
      {adding ? (
        <section className="workspace-panel" aria-labelledby="nieuwe-afspraak-titel">
          <h2 id="nieuwe-afspraak-titel" ref={headingRef} tabIndex={-1}>{t('appointments.new')}</h2>
          <AppointmentForm
            idPrefix="nieuwe-afspraak"
            submitLabel={t('appointments.add')}
            titleRequired="workspace.appointments.titleRequired"
            classNames={{ form: 'workspace-form', times: 'workspace-form__row' }}
            pending={create.isPending}
            error={create.error}
            onSubmit={(request) => create.mutate(request, { onSuccess: () => { setAdding(false); setAdded(true) } })}
            onCancel={() => setAdding(false)}
          />
        </section>
      ) : (
        <Button ref={buttonRef} onClick={() => { create.reset(); setAdding(true); setAdded(false) }}>{t('appointments.new')}</Button>
      )}
      <Period clientId={clientId} period="upcoming" />
      <Period clientId={clientId} period="past" />
    </div>
  )
}
