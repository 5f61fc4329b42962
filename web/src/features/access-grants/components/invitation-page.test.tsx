import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { InvitationInfo } from '@shared/schemas/access-grants.ts'
import { axeViolations } from '@/test/axe.ts'
import { InvitationPage } from './invitation-page.tsx'

const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'

function renderInvitation(hash: string) {
  window.history.replaceState(null, '', `/uitnodiging${hash}`)
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } })
  const info: InvitationInfo = {
    inviteeName: 'Peter Jansen', grantedByName: 'Anna de Vries', endsOn: '2027-01-31', expiresAt: '2026-11-28T12:00:00.000Z',
    permissions: { reports: true, carePlan: false, appointments: false, messages: true, profile: false, subscriptions: false },
  }
  queryClient.setQueryData(['invitation', TOKEN], info)
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <InvitationPage />
      </MemoryRouter>
    </QueryClientProvider>,
  )
}

describe('InvitationPage', () => {
  it('says who invites for which sections and offers both ways; the token leaves the address bar', async () => {
    const { container } = renderInvitation(`#${TOKEN}`)
    expect(screen.getByText('Anna de Vries geeft u toegang tot: Rapportages, Berichten.')).toBeInTheDocument()
    expect(screen.getByText('De toegang loopt tot en met 31 januari 2027.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Uitnodiging accepteren' })).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Gebruikersnaam' })).toBeInTheDocument()
    expect(window.location.hash).toBe('')
    expect(await axeViolations(container)).toEqual([])
  })

  it('a link without a token says the invitation no longer works', () => {
    renderInvitation('')
    expect(screen.getByRole('alert')).toHaveTextContent(/^Deze uitnodiging werkt niet meer/)
  })
})
