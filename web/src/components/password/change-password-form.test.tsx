import type { ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/lib/api-client.ts'
import { ChangePasswordForm, type SubmitPasswordChange } from './change-password-form.tsx'

const GOOD = 'een zin van woorden die niemand raadt'

/** The organisation's rule as the server would answer it, already in the cache: no request leaves the test. */
function withPolicy(children: ReactNode) {
  const queryClient = new QueryClient()
  queryClient.setQueryData(['password-policy'], { minLength: 12, maxLength: 128, requireComposition: false })
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}

function renderForm(onSubmit: SubmitPasswordChange, extra: { error?: unknown; focusOnOpen?: boolean; title?: string } = {}) {
  const onChanged = vi.fn()
  render(
    withPolicy(
      <ChangePasswordForm
        person={{ loginName: 'ans', names: ['Ans de Vries'] }}
        pending={false}
        error={extra.error ?? null}
        onSubmit={onSubmit}
        onChanged={onChanged}
        alertLeavesOut={['wrong_current_password']}
        classNames={{ form: 'password-form', actions: 'password-form__actions', pending: 'password-form__pending' }}
        actions={<button type="submit">Wachtwoord wijzigen</button>}
        {...(extra.title ? { title: extra.title } : {})}
        {...(extra.focusOnOpen ? { focusOnOpen: true } : {})}
      />,
    ),
  )
  return { onChanged, submit: screen.getByRole('button', { name: 'Wachtwoord wijzigen' }) }
}

/** Pastes the new password twice and waits until the rule (loaded on demand) has judged it. */
async function fillNew(user: ReturnType<typeof userEvent.setup>, password: string) {
  await user.click(screen.getByLabelText('Nieuw wachtwoord'))
  await user.paste(password)
  await user.click(screen.getByLabelText('Bevestig wachtwoord'))
  await user.paste(password)
  await screen.findByText('Uw wachtwoord voldoet aan alle eisen.', {}, { timeout: 15_000 })
}

// The rule's dictionaries load on first use: seconds on a busy machine.
describe('ChangePasswordForm', { timeout: 30_000 }, () => {
  it('asks for the current password first: said at the field, focus there, nothing sent', async () => {
    const user = userEvent.setup()
    const onSubmit = vi.fn()
    const { submit } = renderForm(onSubmit)
    await fillNew(user, GOOD)
    await user.click(submit)
    expect(onSubmit).not.toHaveBeenCalled()
    const current = screen.getByLabelText('Huidig wachtwoord')
    expect(current).toHaveFocus()
    expect(current).toHaveAttribute('aria-invalid', 'true')
  })

  it('sends the current and the new password and reports the change', async () => {
    const user = userEvent.setup()
    const onSubmit = vi.fn<SubmitPasswordChange>((_request, outcome) => outcome.onSuccess())
    const { onChanged, submit } = renderForm(onSubmit)
    await user.type(screen.getByLabelText('Huidig wachtwoord'), 'Tijdelijk-123')
    await fillNew(user, GOOD)
    await user.click(submit)
    expect(onSubmit).toHaveBeenCalledWith({ currentPassword: 'Tijdelijk-123', newPassword: GOOD }, expect.anything())
    expect(onChanged).toHaveBeenCalledOnce()
  })

  it('says a wrong current password at its field, not above the form', async () => {
    const user = userEvent.setup()
    const wrong = new ApiError(400, { code: 'wrong_current_password', message: 'x' })
    const onSubmit = vi.fn<SubmitPasswordChange>((_request, outcome) => outcome.onError(wrong))
    const { submit } = renderForm(onSubmit)
    await user.type(screen.getByLabelText('Huidig wachtwoord'), 'verkeerd')
    await fillNew(user, GOOD)
    await user.click(submit)
    const current = screen.getByLabelText('Huidig wachtwoord')
    expect(current).toHaveFocus()
    expect(current).toHaveAttribute('aria-invalid', 'true')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it("puts a refused new password's reasons at the rules and focus on the field", async () => {
    const user = userEvent.setup()
    const refused = new ApiError(400, { code: 'password_rejected', message: 'x', passwordProblems: ['too_common'] })
    const onSubmit = vi.fn<SubmitPasswordChange>((_request, outcome) => outcome.onError(refused))
    const { submit } = renderForm(onSubmit)
    await user.type(screen.getByLabelText('Huidig wachtwoord'), 'Tijdelijk-123')
    await fillNew(user, GOOD)
    await user.click(submit)
    const password = screen.getByLabelText('Nieuw wachtwoord')
    expect(password).toHaveFocus()
    expect(password).toHaveAccessibleDescription(expect.stringContaining('Dit wachtwoord voldoet nog niet aan alle eisen.'))
  })

  it('shows other failures above the form', () => {
    renderForm(vi.fn(), { error: new ApiError(429, { code: 'rate_limited', message: 'x' }) })
    expect(screen.getByRole('alert')).toHaveTextContent('Te veel pogingen. Wacht even en probeer het dan opnieuw.')
  })

  it('is named by its title and starts at the current password when it opens in place', () => {
    renderForm(vi.fn(), { title: 'Wachtwoord wijzigen', focusOnOpen: true })
    expect(screen.getByRole('form', { name: 'Wachtwoord wijzigen' })).toBeInTheDocument()
    expect(screen.getByLabelText('Huidig wachtwoord')).toHaveFocus()
  })
})
