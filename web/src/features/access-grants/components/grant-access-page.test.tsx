import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { GrantList } from '@shared/schemas/access-grants.ts'
import { axeViolations } from '@/test/axe.ts'
import { GrantAccessPage } from './grant-access-page.tsx'

const CLIENT = '7b0c2f0e-1111-4222-8333-944444444444'
const TWO = { reports: true, carePlan: false, appointments: false, messages: true, profile: false, subscriptions: false }

/** The server's answer already cached: no request leaves the test. */
function renderPage(list: GrantList) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } })
  queryClient.setQueryData(['client', CLIENT, 'access-grants'], list)
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <GrantAccessPage clientId={CLIENT} />
      </MemoryRouter>
    </QueryClientProvider>,
  )
}

describe('GrantAccessPage', () => {
  it('lists who has access with "Toegang beëindigen" behind a confirmation, offers only the sections the granter has, and is accessible', async () => {
    const { container } = renderPage({
      mayGrant: true,
      grantable: { ...TWO, appointments: true },
      grants: [{
        id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0001', name: 'Peter Jansen', email: 'peter@example.org', relation: 'first_contact', permissions: TWO,
        endsOn: null, status: 'active', grantedByName: 'Anna de Vries', invitedAt: '2026-11-25T12:00:00.000Z', activatedAt: '2026-11-25T13:00:00.000Z', endedAt: null,
      }],
    })
    const item = screen.getByRole('heading', { level: 3, name: 'Peter Jansen' }).closest('li')!
    expect(within(item).getByText('Heeft toegang · Eerste contactpersoon')).toBeInTheDocument()
    expect(within(item).getByText('Rapportages, Berichten')).toBeInTheDocument()
    const sections = screen.getByRole('group', { name: 'Wat mag deze persoon zien?' })
    expect(within(sections).getAllByRole('checkbox').map((box) => box.getAttribute('id'))).toEqual(['toegang-onderdeel-reports', 'toegang-onderdeel-appointments', 'toegang-onderdeel-messages'])
    expect(await axeViolations(container)).toEqual([])

    await userEvent.click(screen.getByRole('button', { name: 'Toegang beëindigen voor Peter Jansen' }))
    expect(screen.getByText('Weet u het zeker? Peter Jansen kan dit dossier dan meteen niet meer bekijken.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Ja, beëindigen' })).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
  })

  it('offers the receipt as a download and "Onderdelen wijzigen" with only the sections the granter has, and shows the approval wait', async () => {
    const grantId = '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0002'
    const { container } = renderPage({
      mayGrant: true,
      grantable: { ...TWO, appointments: true },
      grants: [{
        id: grantId, name: 'Els Jansen', email: 'els@example.org', relation: 'informal_carer', permissions: TWO,
        endsOn: null, status: 'awaiting_approval', grantedByName: 'Anna de Vries', invitedAt: '2026-11-25T12:00:00.000Z', activatedAt: null, endedAt: null,
      }],
    })
    const item = screen.getByRole('heading', { level: 3, name: 'Els Jansen' }).closest('li')!
    expect(within(item).getByText('Wacht op goedkeuring van de zorgorganisatie · Mantelzorger')).toBeInTheDocument()
    expect(within(item).getByRole('link', { name: 'Bewijs van toestemming voor Els Jansen downloaden (pdf)' })).toHaveAttribute('href', `/api/clients/${CLIENT}/access-grants/${grantId}/receipt.pdf`)

    await userEvent.click(within(item).getByRole('button', { name: 'Onderdelen wijzigen voor Els Jansen' }))
    const sections = within(item).getByRole('group', { name: 'Wat mag Els Jansen zien?' })
    expect(within(sections).getAllByRole('checkbox').map((box) => [box.getAttribute('id')?.split('-').at(-1), (box as HTMLInputElement).checked])).toEqual([
      ['reports', true], ['appointments', false], ['messages', true],
    ])
    // Nothing chosen is said at the fieldset, and nothing is sent.
    await userEvent.click(within(sections).getByRole('checkbox', { name: 'Rapportages' }))
    await userEvent.click(within(sections).getByRole('checkbox', { name: 'Berichten' }))
    await userEvent.click(within(item).getByRole('button', { name: 'Wijziging opslaan' }))
    expect(within(item).getByText('Kies minstens één onderdeel.')).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
  })

  it('says plainly when this person may not give access, with no form', () => {
    renderPage({ mayGrant: false, grantable: TWO, grants: [] })
    expect(screen.getByText(/^U kunt voor deze cliënt geen toegang geven/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Uitnodiging versturen' })).toBeNull()
  })
})
