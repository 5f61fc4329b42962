import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/lib/api-client.ts'
import { BsnField } from './bsn-field.tsx'

type Props = Parameters<typeof BsnField>[0]

function renderField(props: Partial<Props> = {}) {
  const onReveal = vi.fn()
  const onHide = vi.fn()
  const all: Props = { masked: '*****0076', revealed: undefined, pending: false, error: null, className: 'client-profile__bsn', onReveal, onHide, ...props }
  const view = render(<BsnField {...all} />)
  return { ...view, onReveal, onHide, rerender: (next: Partial<Props>) => view.rerender(<BsnField {...all} {...next} />) }
}

describe('BsnField', () => {
  it('shows the number masked, and tells screen readers only how it ends', () => {
    const { container } = renderField()
    expect(screen.getByText('*****0076')).toHaveAttribute('aria-hidden', 'true')
    expect(screen.getByText('verborgen, eindigt op 0076')).toHaveClass('visually-hidden')
    expect(container).not.toHaveTextContent('123450076')
  })

  it('asks for the whole number on "Toon BSN", then shows it with "Verberg BSN"', async () => {
    const user = userEvent.setup()
    const { onReveal, onHide, rerender } = renderField()
    await user.click(screen.getByRole('button', { name: 'Toon BSN' }))
    expect(onReveal).toHaveBeenCalledOnce()
    rerender({ revealed: '123450076' })
    expect(screen.getByText('123450076')).toBeVisible()
    expect(screen.queryByRole('button', { name: 'Toon BSN' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Verberg BSN' }))
    expect(onHide).toHaveBeenCalledOnce()
  })

  it('does not ask twice while the request runs', async () => {
    const user = userEvent.setup()
    const { onReveal } = renderField({ pending: true })
    const show = screen.getByRole('button', { name: 'Toon BSN' })
    expect(show).toHaveAttribute('aria-disabled', 'true')
    await user.click(show)
    expect(onReveal).not.toHaveBeenCalled()
  })

  it('says why the number could not be shown', () => {
    renderField({ error: new ApiError(429, { code: 'rate_limited', message: 'x' }) })
    expect(screen.getByRole('alert')).toHaveTextContent('Te veel pogingen. Wacht even en probeer het dan opnieuw.')
  })

  it('says "Niet bekend" when there is no BSN, with nothing to reveal', () => {
    renderField({ masked: null })
    expect(screen.getByText('Niet bekend')).toBeInTheDocument()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
  })
})
