import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '@/test/axe.ts'
import { DisclosureMenu, MenuLink } from './disclosure-menu.tsx'

describe('DisclosureMenu', () => {
  it('is a named navigation whose toggle controls the list and tells whether it is open', async () => {
    const user = userEvent.setup()
    const { container } = render(
      <MemoryRouter initialEntries={['/werkplek']}>
        <DisclosureMenu label="Werkplekmenu" toggle="Menu" className="">
          <MenuLink to="/werkplek" end>Cliënten</MenuLink>
          <MenuLink to="/mijn-profiel">Mijn profiel</MenuLink>
        </DisclosureMenu>
      </MemoryRouter>,
    )
    const navigation = screen.getByRole('navigation', { name: 'Werkplekmenu' })
    const toggle = screen.getByRole('button', { name: 'Menu' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(toggle).toHaveAttribute('aria-controls', navigation.querySelector('ul')?.id)
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByRole('link', { name: 'Cliënten' })).toHaveAttribute('aria-current', 'page')
    expect(screen.getByRole('link', { name: 'Mijn profiel' })).not.toHaveAttribute('aria-current')
    expect(await axeViolations(container)).toEqual([])
  })
})
