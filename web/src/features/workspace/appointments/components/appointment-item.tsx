import type { LinkRelation } from '@shared/schemas/clients.ts'
import type { WorkspaceAppointment } from '@shared/schemas/workspace.ts'
import { AppointmentForm } from '@/components/record/appointment-form.tsx'
import { AppointmentActions, AppointmentSummary, CancelConfirm } from '@/components/record/appointment-summary.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useCancelAppointment } from '../api/cancel-appointment.ts'
import { useChangeAppointment } from '../api/change-appointment.ts'
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
          titleRequired="workspace.appointments.titleRequired"
          classNames={{ form: 'workspace-form', times: 'workspace-form__row' }}
          pending={change.isPending}
          error={change.error}
          onSubmit={(request) => change.mutate({ id: appointment.id, request }, { onSuccess: () => setChanging(false) })}
          onCancel={() => setChanging(false)}
        />
      </li>
    )

  return (
    <li className="record-list__item">
      <AppointmentSummary appointment={appointment} madeBy={<MadeBy madeBy={appointment.madeBy} />}>
        {canAct && !confirming ? (
          <AppointmentActions
            title={appointment.title}
            changeRef={buttonRef}
            cancelRef={cancelButtonRef}
            onChange={() => { change.reset(); setChanging(true) }}
            onCancel={() => { cancel.reset(); setConfirming(true) }}
          />
        ) : null}
        {canAct && confirming ? (
          <CancelConfirm
            question={t('workspace.appointments.cancelQuestion')}
            className="workspace-confirm"
            groupRef={confirmRef}
            pending={cancel.isPending}
            error={cancel.error}
            onYes={() => cancel.mutate(appointment.id, { onSuccess: () => setConfirming(false) })}
            onNo={() => setConfirming(false)}
          />
        ) : null}
      </AppointmentSummary>
    </li>
  )
}
