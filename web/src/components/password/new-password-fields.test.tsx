import { useRef, useState } from 'react'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { PasswordProblem } from '@shared/password-policy.ts'
import { NewPasswordFields } from './new-password-fields.tsx'
import { type NewPasswordErrors, type NewPasswordValues, validateNewPassword } from './new-password-validation.ts'

const policy = { minLength: 12, maxLength: 128, requireComposition: false }

/** The fields as a form holds them: the problems follow the typed password (here a simple length rule). */
function Harness({ serverProblems = [] }: { serverProblems?: readonly string[] }) {
  const [values, setValues] = useState<NewPasswordValues>({ password: '', confirm: '' })
  const [errors, setErrors] = useState<NewPasswordErrors>({})
  const passwordRef = useRef<HTMLInputElement>(null)
  const confirmRef = useRef<HTMLInputElement>(null)
  const problems: PasswordProblem[] = [...values.password].length < policy.minLength ? ['too_short'] : []
  return (
    <form
      aria-label="Wachtwoord"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        setErrors(validateNewPassword(values, problems))
      }}
    >
      <NewPasswordFields
        values={values}
        onChange={setValues}
        errors={errors}
        problems={problems}
        checking={false}
        policy={policy}
        serverProblems={serverProblems}
        passwordRef={passwordRef}
        confirmRef={confirmRef}
      />
      <button type="submit">Opslaan</button>
    </form>
  )
}

function rule(text: string) {
  return screen.getByText((_content, element) => element?.tagName === 'SPAN' && element.textContent?.startsWith(text) === true && element.parentElement?.tagName === 'LI')
}

describe('NewPasswordFields', () => {
  it('names both fields and ties the rules to the new password', () => {
    render(<Harness />)
    const password = screen.getByLabelText('Nieuw wachtwoord')
    expect(password).toHaveAttribute('autocomplete', 'new-password')
    expect(password).toHaveAccessibleDescription(expect.stringContaining('Uw wachtwoord moet:'))
    expect(screen.getByLabelText('Bevestig wachtwoord')).toHaveAttribute('type', 'password')
  })

  it('marks each rule as met or not while one types, in words and not by colour alone', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    const password = screen.getByLabelText('Nieuw wachtwoord')
    // Nothing typed: the rules show without a verdict.
    expect(rule('minstens 12 tekens lang zijn')).toHaveTextContent(/^minstens 12 tekens lang zijn$/)
    await user.type(password, 'kort')
    expect(rule('minstens 12 tekens lang zijn')).toHaveTextContent('(nog niet in orde)')
    await user.type(password, ' maar nu lang genoeg')
    expect(rule('minstens 12 tekens lang zijn')).toHaveTextContent('(in orde)')
    expect(rule('niet uw naam of gebruikersnaam bevatten')).toHaveTextContent('(in orde)')
  })

  it('says at each field what is wrong on submit: empty, not meeting the rule, not the same twice', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    const password = screen.getByLabelText('Nieuw wachtwoord')
    const confirm = screen.getByLabelText('Bevestig wachtwoord')
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))
    expect(password).toHaveAccessibleDescription(expect.stringContaining('Vul een nieuw wachtwoord in.'))
    expect(confirm).toHaveAccessibleDescription('Vul het nieuwe wachtwoord nog een keer in.')

    await user.type(password, 'kort')
    await user.type(confirm, 'anders')
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))
    expect(password).toHaveAccessibleDescription(expect.stringContaining('Dit wachtwoord voldoet nog niet aan alle eisen.'))
    expect(confirm).toHaveAccessibleDescription('De twee wachtwoorden zijn niet hetzelfde. Typ ze opnieuw.')
  })

  it("shows the server's verdict on a rule even when the browser's check passed", async () => {
    const user = userEvent.setup()
    render(<Harness serverProblems={['too_common']} />)
    await user.type(screen.getByLabelText('Nieuw wachtwoord'), 'welkomwelkom123')
    expect(rule('geen bekend of makkelijk te raden wachtwoord zijn')).toHaveTextContent('(nog niet in orde)')
  })
})

describe('validateNewPassword', () => {
  it('passes a password that meets the rule, typed twice', () => {
    expect(validateNewPassword({ password: 'lang genoeg nu', confirm: 'lang genoeg nu' }, [])).toEqual({})
  })

  it('does not judge the rule before it has loaded (the server still checks)', () => {
    expect(validateNewPassword({ password: 'x', confirm: 'x' }, null)).toEqual({})
  })
})
