import { useState } from 'react'
import type { Appointment } from '@shared/schemas/appointments.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { MetaLine } from '@/components/ui/meta-line.tsx'
import { errorMessage } from '@/lib/error-message.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useCancelAppointment } from '../api/cancel-appointment.ts'
import { useChangeAppointment } from '../api/change-appointment.ts'
import { AppointmentForm } from './appointment-form.tsx'

/** One appointment; one this person made (and that still lies ahead) can be changed or cancelled here. */
export function AppointmentItem({ clientId, appointment, editable }: { clientId: string; appointment: Appointment; editable: boolean }) {
  const t = useT()
  const [language] = useLanguage()
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
          pending={change.isPending}
          error={change.error}
          onSubmit={(request) => change.mutate({ id: appointment.id, request }, { onSuccess: () => setMode('view') })}
          onCancel={() => setMode('view')}
        />
      </li>
    )

  return (
    <li className="record-list__item">
      <article aria-label={`${appointment.startTime} – ${appointment.endTime}, ${appointment.title}`}>
        <MetaLine
          className="record-list__meta"
          parts={[
            appointment.cancelled ? <span key="c" className="record-list__marker">{t('appointments.cancelled')}</span> : null,
            `${appointment.startTime} – ${appointment.endTime}`,
            appointment.title,
          ]}
        />
        <MetaLine parts={[appointment.location && `${t('appointments.where')}: ${appointment.location}`, appointment.withWhom && `${t('appointments.withWhom')}: ${appointment.withWhom}`]} />
        {appointment.madeByMe ? <p>{t('appointments.madeByMe')}</p> : appointment.madeInPortal ? <p>{t('appointments.madeInPortal')}</p> : null}
        {canAct && mode === 'view' ? (
          <Actions>
            <Button variant="secondary" aria-label={`${t('appointments.change')}: ${appointment.title}`} onClick={() => setMode('change')}>
              {t('appointments.change')}
            </Button>
            <Button variant="secondary" aria-label={`${t('appointments.cancel')}: ${appointment.title}`} onClick={() => setMode('confirmCancel')}>
              {t('appointments.cancel')}
            </Button>
          </Actions>
        ) : null}
        {canAct && mode === 'confirmCancel' ? (
          <div className="appointment__confirm" role="group" aria-label={t('appointments.cancelQuestion')}>
            <p>{t('appointments.cancelQuestion')}</p>
            {cancel.error ? <Alert>{errorMessage(cancel.error, language)}</Alert> : null}
            <Actions>
              <Button aria-disabled={cancel.isPending} onClick={() => !cancel.isPending && cancel.mutate(appointment.id, { onSuccess: () => setMode('view') })}>
                {t('appointments.cancelYes')}
              </Button>
              <Button variant="secondary" onClick={() => setMode('view')}>
                {t('appointments.cancelNo')}
              </Button>
            </Actions>
          </div>
        ) : null}
      </article>
    </li>
  )
}
