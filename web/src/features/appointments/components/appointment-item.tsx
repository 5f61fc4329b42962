import { useState } from 'react'
import type { Appointment } from '@shared/schemas/appointments.ts'
import { AppointmentForm } from '@/components/record/appointment-form.tsx'
import { AppointmentActions, AppointmentSummary, CancelConfirm } from '@/components/record/appointment-summary.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useCancelAppointment } from '../api/cancel-appointment.ts'
import { useChangeAppointment } from '../api/change-appointment.ts'
import './appointments.css'

/** One appointment; one this person made (and that still lies ahead) can be changed or cancelled here. */
export function AppointmentItem({ clientId, appointment, editable }: { clientId: string; appointment: Appointment; editable: boolean }) {
  const t = useT()
  const [mode, setMode] = useState<'view' | 'change' | 'confirmCancel'>('view')
  const change = useChangeAppointment(clientId)
  const cancel = useCancelAppointment(clientId)
  const canAct = editable && appointment.madeByMe && !appointment.cancelled

  if (mode === 'change')
    return (
      <li className="record-list__item">
        <h3>{t('appointments.changeTitle', { title: appointment.title })}</h3>
        <AppointmentForm
          idPrefix={`afspraak-${appointment.id}`}
          initial={appointment}
          submitLabel={t('appointments.save')}
          titleRequired="appointments.titleRequired"
          classNames={{ form: 'appointment-form', times: 'appointment-form__times' }}
          pending={change.isPending}
          error={change.error}
          onSubmit={(request) => change.mutate({ id: appointment.id, request }, { onSuccess: () => setMode('view') })}
          onCancel={() => setMode('view')}
        />
      </li>
    )

  const madeBy = appointment.madeByMe ? <p>{t('appointments.madeByMe')}</p> : appointment.madeInPortal ? <p>{t('appointments.madeInPortal')}</p> : null
  return (
    <li className="record-list__item">
      <AppointmentSummary appointment={appointment} madeBy={madeBy}>
        {canAct && mode === 'view' ? <AppointmentActions title={appointment.title} onChange={() => setMode('change')} onCancel={() => setMode('confirmCancel')} /> : null}
        {canAct && mode === 'confirmCancel' ? (
          <CancelConfirm
            question={t('appointments.cancelQuestion')}
            className="appointment__confirm"
            pending={cancel.isPending}
            error={cancel.error}
            onYes={() => cancel.mutate(appointment.id, { onSuccess: () => setMode('view') })}
            onNo={() => setMode('view')}
          />
        ) : null}
      </AppointmentSummary>
    </li>
  )
}
