import type { ReactNode, Ref } from 'react'
import type { Appointment } from '@shared/schemas/appointments.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { MetaLine } from '@/components/ui/meta-line.tsx'
import { errorMessage } from '@/lib/error-message.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'

type ShownAppointment = Pick<Appointment, 'startTime' | 'endTime' | 'title' | 'location' | 'withWhom' | 'cancelled'>

/**
 * One appointment as both the portal and the workspace list it: "14:00 – 15:00 | Bezoek",
 * where and with whom, who made it (`madeBy`, each side says it its own way), and below
 * that whatever the side lets one do with it (`children`).
 */
export function AppointmentSummary({ appointment, madeBy, children }: { appointment: ShownAppointment; madeBy: ReactNode; children?: ReactNode }) {
  const t = useT()
  return (
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
      {madeBy}
      {children}
    </article>
  )
}

/** "Wijzigen" and "Annuleren", named with the appointment's title for screen readers. */
export function AppointmentActions({
  title,
  onChange,
  onCancel,
  changeRef,
  cancelRef,
}: {
  title: string
  onChange: () => void
  onCancel: () => void
  /** Where focus returns when a panel opened from these buttons closes (the workspace). */
  changeRef?: Ref<HTMLButtonElement>
  cancelRef?: Ref<HTMLButtonElement>
}) {
  const t = useT()
  return (
    <Actions>
      <Button ref={changeRef} variant="secondary" aria-label={`${t('appointments.change')}: ${title}`} onClick={onChange}>
        {t('appointments.change')}
      </Button>
      <Button ref={cancelRef} variant="secondary" aria-label={`${t('appointments.cancel')}: ${title}`} onClick={onCancel}>
        {t('appointments.cancel')}
      </Button>
    </Actions>
  )
}

/**
 * "Weet u zeker dat u deze afspraak wilt annuleren?" with yes and no, in place of the
 * buttons. With `groupRef` the group itself can take focus when it opens.
 */
export function CancelConfirm({
  question,
  className,
  groupRef,
  pending,
  error,
  onYes,
  onNo,
}: {
  question: string
  className: string
  groupRef?: Ref<HTMLDivElement>
  pending: boolean
  error: unknown
  onYes: () => void
  onNo: () => void
}) {
  const t = useT()
  const [language] = useLanguage()
  return (
    <div ref={groupRef} tabIndex={groupRef ? -1 : undefined} className={className} role="group" aria-label={question}>
      <p>{question}</p>
      {error ? <Alert>{errorMessage(error, language)}</Alert> : null}
      <Actions>
        <Button aria-disabled={pending} onClick={() => !pending && onYes()}>
          {t('appointments.cancelYes')}
        </Button>
        <Button variant="secondary" onClick={onNo}>
          {t('appointments.cancelNo')}
        </Button>
      </Actions>
    </div>
  )
}
