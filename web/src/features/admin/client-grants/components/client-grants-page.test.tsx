import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { AdminGrant, AdminGrantList } from '@shared/schemas/access-grants.ts'
import { axeViolations } from '@/test/axe.ts'
import { ClientGrantsAdminPage } from './client-grants-page.tsx'

const TWO = { reports: true, carePlan: false, appointments: false, messages: true, profile: false, subscriptions: false }
const grant = (overrides: Partial<AdminGrant>): AdminGrant => ({
  id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0001', name: 'Peter Jansen', email: 'peter@example.org', relation: 'first_contact', permissions: TWO,
  endsOn: null, status: 'awaiting_approval', grantedByName: 'Anna de Vries', invitedAt: '2026-11-25T12:00:00.000Z', activatedAt: null, endedAt: null,
  clientId: '7b0c2f0e-1111-4222-8333-944444444444', clientName: 'mw. A. de Vries', clientNumber: 'C-1001', acceptedAt: '2026-11-25T13:00:00.000Z',
  ...overrides,
})

/** The server's answers already cached: no request leaves the test. */
function renderPage(list: AdminGrantList) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } })
  queryClient.setQueryData(['admin', 'clientGrants', 'setting'], { enabled: true, approvalRequired: false })
  queryClient.setQueryData(['admin', 'clientGrants', 'list', 'open'], list)
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <ClientGrantsAdminPage />
      </MemoryRouter>
    </QueryClientProvider>,
  )
}

describe('ClientGrantsAdminPage', () => {
  it('shows both settings with their defaults, each grant with its state, approve/refuse only while waiting, and is accessible', async () => {
    const { container } = renderPage({
      truncated: false,
      items: [grant({}), grant({ id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0002', name: 'Els Jansen', status: 'active', acceptedAt: null, activatedAt: '2026-11-26T09:00:00.000Z', endsOn: '2027-03-31' })],
    })
    expect(screen.getByRole('checkbox', { name: 'Cliënten mogen zelf iemand toegang geven' })).toBeChecked()
    expect(screen.getByRole('checkbox', { name: 'Toegang pas na goedkeuring door een beheerder' })).not.toBeChecked()

    const waiting = screen.getByRole('heading', { level: 3, name: 'Peter Jansen voor mw. A. de Vries' }).closest('li')!
    expect(within(waiting).getByText('Wacht op goedkeuring')).toBeInTheDocument()
    expect(within(waiting).getByText('Rapportages, Berichten')).toBeInTheDocument()
    expect(within(waiting).getByRole('button', { name: 'Goedkeuren: Peter Jansen voor mw. A. de Vries' })).toBeInTheDocument()
    expect(within(waiting).getByRole('button', { name: 'Niet goedkeuren: Peter Jansen voor mw. A. de Vries' })).toBeInTheDocument()

    const running = screen.getByRole('heading', { level: 3, name: 'Els Jansen voor mw. A. de Vries' }).closest('li')!
    expect(within(running).getByText('Heeft toegang')).toBeInTheDocument()
    expect(within(running).getByText('Tot en met 31 maart 2027')).toBeInTheDocument()
    expect(within(running).queryByRole('button', { name: /^Goedkeuren/ })).toBeNull()
    await userEvent.click(within(running).getByRole('button', { name: 'Toegang beëindigen: Els Jansen voor mw. A. de Vries' }))
    expect(within(running).getByText('Weet u het zeker? Els Jansen kan het dossier van mw. A. de Vries dan meteen niet meer bekijken.')).toBeInTheDocument()
    expect(within(running).getByRole('combobox', { name: 'Reden' })).toHaveValue('consent_withdrawn')
    expect(await axeViolations(container)).toEqual([])
  })
})
