import type { LinkRelation } from '@shared/schemas/clients.ts'
import type { WorkspaceAppointment } from '@shared/schemas/workspace.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { MetaLine } from '@/components/ui/meta-line.tsx'
import { errorMessage } from '@/lib/error-message.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useCancelAppointment } from '../api/cancel-appointment.ts'
import { useChangeAppointment } from '../api/change-appointment.ts'
import { AppointmentForm } from './appointment-form.tsx'
import { usePanel } from '../../use-panel.ts'

const RELATIONS = new Set<string>(['self', 'legal_representative', 'first_contact', 'second_contact', 'informal_carer'])

/** "Gemaakt door Ans de Vries (Eerste contactpersoon)", "... (Verzorgende IG)", or "Uit het ECD". */
function MadeBy({ madeBy }: { madeBy: WorkspaceAppointment['madeBy'] }) {
  const t = useT()
  if (madeBy.kind === 'ecd') return <p>{t('workspace.appointments.madeByEcd')}</p>
  const role = madeBy.kind === 'account' && RELATIONS.has(madeBy.role) ? t(`record.relation.${madeBy.role as LinkRelation}`) : madeBy.role
  const who = role ? `${madeBy.name} (${role})` : madeBy.name
  return <p>{t(madeBy.kind === 'account' ? 'workspace.appointments.madeByRelative' : 'workspace.appointments.madeByStaff', { who })}</p>
}

/** One appointment with who made it; ahead and not cancelled, the team can change or cancel it. */
export function AppointmentItem({ clientId, appointment, editable }: { clientId: string; appointment: WorkspaceAppointment; editable: boolean }) {
  const t = useT()
  const [language] = useLanguage()
  const { open: changing, setOpen: setChanging, buttonRef, headingRef } = usePanel()
  const { open: confirming, setOpen: setConfirming, buttonRef: cancelButtonRef, headingRef: confirmRef } = usePanel<HTMLDivElement>()
  const change = useChangeAppointment(clientId)
  const cancel = useCancelAppointment(clientId)
  const canAct = editable && !appointment.cancelled

  if (changing)
    return (
      <li className="record-list__item">
        <h4 ref={headingRef} tabIndex={-1}>{t('appointments.changeTitle', { title: appointment.title })}</h4>
        <AppointmentForm
          idPrefix={`afspraak-${appointment.id}`}
          initial={appointment}
          submitLabel={t('appointments.save')}
          pending={change.isPending}
          error={change.error}
          onSubmit={(request) => change.mutate({ id: appointment.id, request }, { onSuccess: () => setChanging(false) })}
          onCancel={() => setChanging(false)}
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
        <MadeBy madeBy={appointment.madeBy} />
        {canAct && !confirming ? (
          <Actions>
            <Button ref={buttonRef} variant="secondary" aria-label={`${t('appointments.change')}: ${appointment.title}`} onClick={() => { change.reset(); setChanging(true) }}>
              {t('appointments.change')}
            </Button>
            <Button variant="secondary" aria-label={`${t('appointments.cancel')}: ${appointment.title}`} ref={cancelButtonRef} onClick={() => { cancel.reset(); setConfirming(true) }}>
              {t('appointments.cancel')}
            </Button>
          </Actions>
        ) : null}
        {canAct && confirming ? (
          <div ref={confirmRef} tabIndex={-1} className="workspace-confirm" role="group" aria-label={t('workspace.appointments.cancelQuestion')}>
            <p>{t('workspace.appointments.cancelQuestion')}</p>
            {cancel.error ? <Alert>{errorMessage(cancel.error, language)}</Alert> : null}
            <Actions>
              <Button aria-disabled={cancel.isPending} onClick={() => !cancel.isPending && cancel.mutate(appointment.id, { onSuccess: () => setConfirming(false) })}>
                {t('appointments.cancelYes')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('appointments.cancelNo')}
              </Button>
            </Actions>
          </div>
        ) : null}
      </article>
    </li>
  )
}
