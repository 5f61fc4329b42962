import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { AppointmentRequest } from '@shared/schemas/appointments.ts'
import { ApiError } from '@/lib/api-client.ts'
import { AppointmentForm } from './appointment-form.tsx'

function renderForm(props: { initial?: AppointmentRequest; pending?: boolean; error?: unknown } = {}) {
  const onSubmit = vi.fn()
  const onCancel = vi.fn()
  render(
    <AppointmentForm
      idPrefix="nieuwe-afspraak"
      submitLabel="Afspraak toevoegen"
      titleRequired="appointments.titleRequired"
      classNames={{ form: 'appointment-form', times: 'appointment-form__times' }}
      pending={props.pending ?? false}
      error={props.error ?? null}
      onSubmit={onSubmit}
      onCancel={onCancel}
      {...(props.initial ? { initial: props.initial } : {})}
    />,
  )
  return { onSubmit, onCancel, submit: screen.getByRole('button', { name: 'Afspraak toevoegen' }) }
}

const visit: AppointmentRequest = { date: '2026-12-24', startTime: '14:00', endTime: '15:30', title: 'Bezoek', location: 'Kamer 12', withWhom: 'Ans' }

describe('AppointmentForm', () => {
  it('refuses an empty form: every required field says what is missing, and the first gets focus', async () => {
    const user = userEvent.setup()
    const { onSubmit, submit } = renderForm()
    await user.click(submit)
    expect(onSubmit).not.toHaveBeenCalled()
    const date = screen.getByLabelText('Datum')
    expect(date).toHaveFocus()
    expect(date).toHaveAccessibleDescription('Vul de datum in.')
    expect(screen.getByLabelText('Begintijd')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Eindtijd')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByRole('textbox', { name: 'Wat' })).toHaveAttribute('aria-invalid', 'true')
    // Where and with whom are optional.
    expect(screen.getByRole('textbox', { name: 'Waar' })).not.toHaveAttribute('aria-invalid')
  })

  it('refuses an end time that is not after the start time', async () => {
    const user = userEvent.setup()
    const { onSubmit, submit } = renderForm({ initial: { ...visit, endTime: '14:00' } })
    await user.click(submit)
    expect(onSubmit).not.toHaveBeenCalled()
    const end = screen.getByLabelText('Eindtijd')
    expect(end).toHaveFocus()
    expect(end).toHaveAccessibleDescription('De eindtijd moet later zijn dan de begintijd.')
  })

  it('says an empty title in the words the side chose', async () => {
    const user = userEvent.setup()
    const { submit } = renderForm({ initial: { ...visit, title: '   ' } })
    await user.click(submit)
    const what = screen.getByRole('textbox', { name: 'Wat' })
    expect(what).toHaveFocus()
    expect(what).toHaveAccessibleDescription('Vul in wat de afspraak is, bijvoorbeeld: Bezoek van mijn dochter.')
  })

  it('sends the appointment with its texts trimmed', async () => {
    const user = userEvent.setup()
    const { onSubmit, submit } = renderForm({ initial: visit })
    const where = screen.getByRole('textbox', { name: 'Waar' })
    await user.clear(where)
    await user.type(where, '  De tuin  ')
    await user.click(submit)
    expect(onSubmit).toHaveBeenCalledWith({ ...visit, location: 'De tuin' })
  })

  it('does not send twice while pending, and cancels on request', async () => {
    const user = userEvent.setup()
    const { onSubmit, onCancel, submit } = renderForm({ initial: visit, pending: true })
    await user.click(submit)
    expect(onSubmit).not.toHaveBeenCalled()
    await user.click(screen.getByRole('button', { name: 'Annuleren' }))
    expect(onCancel).toHaveBeenCalledOnce()
  })

  it("shows the server's refusal above the form", () => {
    renderForm({ initial: visit, error: new ApiError(409, { code: 'rate_limited', message: 'x' }) })
    expect(within(screen.getByRole('alert')).getByText('Te veel pogingen. Wacht even en probeer het dan opnieuw.')).toBeInTheDocument()
  })
})
