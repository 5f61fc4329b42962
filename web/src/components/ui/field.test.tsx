import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '@/test/axe.ts'
import { Field } from './field.tsx'

describe('Field', () => {
  it('names its control by the label and describes it by the error first, then the hint', async () => {
    const { container } = render(
      <Field id="naam" label="Naam" error="Vul uw naam in." describedBy="naam-uitleg" hint={<p id="naam-uitleg">Zoals in uw paspoort.</p>}>
        {(control) => <input {...control} />}
      </Field>,
    )
    const input = screen.getByRole('textbox', { name: 'Naam' })
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('Vul uw naam in. Zoals in uw paspoort.')
    expect(await axeViolations(container)).toEqual([])
  })

  it('leaves aria-invalid and aria-describedby off when there is nothing to say', () => {
    render(<Field id="plaats" label="Plaats">{(control) => <input {...control} />}</Field>)
    const input = screen.getByRole('textbox', { name: 'Plaats' })
    expect(input).not.toHaveAttribute('aria-invalid')
    expect(input).not.toHaveAttribute('aria-describedby')
  })
})
