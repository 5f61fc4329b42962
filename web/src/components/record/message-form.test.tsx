import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { MESSAGE_MAX_LENGTH } from '@shared/schemas/messages.ts'
import { ApiError } from '@/lib/api-client.ts'
import { MessageForm, type SendMessage } from './message-form.tsx'

function renderForm(onSend: SendMessage = vi.fn(), pending = false) {
  render(
    <MessageForm
      id="nieuw-bericht"
      title="Nieuw bericht"
      label="Uw bericht"
      sentText="Uw bericht is verstuurd."
      rows={5}
      classNames={{ form: 'message-form', hint: 'message-form__hint' }}
      pending={pending}
      onSend={onSend}
    />,
  )
  return { field: screen.getByRole('textbox', { name: 'Uw bericht' }), send: screen.getByRole('button', { name: 'Bericht versturen' }) }
}

describe('MessageForm', () => {
  it('is a form named by its heading', () => {
    renderForm()
    expect(screen.getByRole('form', { name: 'Nieuw bericht' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2, name: 'Nieuw bericht' })).toBeInTheDocument()
  })

  it('refuses an empty message, says why at the field and puts focus there', async () => {
    const user = userEvent.setup()
    const onSend = vi.fn()
    const { field, send } = renderForm(onSend)
    await user.type(field, '   ')
    await user.click(send)
    expect(onSend).not.toHaveBeenCalled()
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Uw bericht is leeg. Schrijf eerst iets.'))
    expect(field).toHaveFocus()
  })

  it('counts the characters left and refuses a message over the limit', async () => {
    const user = userEvent.setup()
    const onSend = vi.fn()
    const { field, send } = renderForm(onSend)
    expect(field).toHaveAccessibleDescription(`U kunt nog ${MESSAGE_MAX_LENGTH} van de ${MESSAGE_MAX_LENGTH} tekens gebruiken.`)
    await user.click(field)
    await user.paste('x'.repeat(MESSAGE_MAX_LENGTH + 2))
    expect(screen.getByText('Uw bericht is 2 tekens te lang. Maak het korter.')).toBeInTheDocument()
    await user.click(send)
    expect(onSend).not.toHaveBeenCalled()
    expect(field).toHaveFocus()
  })

  it('sends the trimmed text, then empties the field and says it was sent', async () => {
    const user = userEvent.setup()
    const onSend = vi.fn<SendMessage>((_text, outcome) => outcome.onSuccess())
    const { field, send } = renderForm(onSend)
    await user.type(field, '  Graag een belafspraak.  ')
    await user.click(send)
    expect(onSend).toHaveBeenCalledWith('Graag een belafspraak.', expect.anything())
    expect(field).toHaveValue('')
    expect(screen.getByText('Uw bericht is verstuurd.')).toBeInTheDocument()
  })

  it("shows the server's refusal at the field and keeps the text", async () => {
    const user = userEvent.setup()
    const onSend = vi.fn<SendMessage>((_text, outcome) => outcome.onError(new ApiError(429, { code: 'rate_limited', message: 'Too many' })))
    const { field, send } = renderForm(onSend)
    await user.type(field, 'Hallo')
    await user.click(send)
    expect(field).toHaveValue('Hallo')
    expect(field).toHaveFocus()
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Te veel pogingen. Wacht even en probeer het dan opnieuw.'))
  })

  it('sends nothing twice while a message is on its way', async () => {
    const user = userEvent.setup()
    const onSend = vi.fn()
    const { field, send } = renderForm(onSend, true)
    await user.type(field, 'Hallo')
    await user.click(send)
    expect(onSend).not.toHaveBeenCalled()
    expect(send).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('status')).toBeInTheDocument()
  })
})
