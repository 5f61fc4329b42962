import { useState } from 'react'
import type { AppointmentPeriod } from '@shared/schemas/appointments.ts'
import type { WorkspaceAppointment } from '@shared/schemas/workspace.ts'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { RecordList } from '@/components/ui/record-list.tsx'
import { formatWeekdayDay } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { dutchDay } from '@/lib/dutch-time.ts'
import { useCreateAppointment } from '../api/create-appointment.ts'
import { useWorkspaceAppointments } from '../api/get-appointments.ts'
import { AppointmentForm } from '@/components/record/appointment-form.tsx'
import { AppointmentItem } from './appointment-item.tsx'
import { usePanel } from '../../use-panel.ts'
import '../../workspace.css'

/** Appointments grouped per day, each day under its own heading ("Vandaag", "Morgen", "vrijdag 4 december 2026"). */
function Days({ clientId, items, editable }: { clientId: string; items: WorkspaceAppointment[]; editable: boolean }) {
  const t = useT()
  const [language] = useLanguage()
  const days = new Map<string, WorkspaceAppointment[]>()
  for (const item of items) days.set(item.date, [...(days.get(item.date) ?? []), item])
  const today = dutchDay(0)
  const tomorrow = dutchDay(1)
  return [...days].map(([day, list]) => {
    const title = day === today ? t('appointments.today') : day === tomorrow ? t('appointments.tomorrow') : formatWeekdayDay(day, language)
    return (
      <section key={day} aria-label={title}>
        <h3 className="workspace-day">{title}</h3>
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
  const appointments = useWorkspaceAppointments(clientId, period)
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
