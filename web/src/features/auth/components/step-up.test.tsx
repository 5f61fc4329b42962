import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { SessionState } from '@shared/schemas/auth.ts'
import { axeViolations } from '@/test/axe.ts'
import { SESSION_QUERY_KEY } from '../api/get-session.ts'
import { StepUp } from './step-up.tsx'

/** The session and DigiD's availability as the server would answer them, already cached: no request leaves the test. */
function renderStepUp(options: { stepUpRequired: boolean; strongSecondFactorAccepted: boolean; digid: boolean }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } })
  const session: SessionState = {
    account: { displayName: 'Kees Bakker', loginName: 'kees', kind: 'portal' },
    staff: null,
    csrfToken: 'token',
    mustAcceptTerms: false,
    mustChangePassword: false,
    stepUpRequired: options.stepUpRequired,
    strongSecondFactorAccepted: options.strongSecondFactorAccepted,
    idleTimeoutSeconds: 900,
    idleExpiresAt: new Date().toISOString(),
    expiresAt: new Date().toISOString(),
  }
  queryClient.setQueryData(SESSION_QUERY_KEY, session)
  queryClient.setQueryData(['digid-availability'], { enabled: options.digid })
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={['/veiliger-inloggen']}>
        <Routes>
          <Route path="/veiliger-inloggen" element={<StepUp />} />
          <Route path="/home" element={<p>Home</p>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  )
}

const LOG_OUT_AND_IN = 'Uitloggen en opnieuw inloggen met een passkey of een code uit uw app'

describe('StepUp', () => {
  it('offers DigiD and, where the policy accepts it, logging in again with a passkey or app; Mijn profiel stays reachable', async () => {
    const { container } = renderStepUp({ stepUpRequired: true, strongSecondFactorAccepted: true, digid: true })
    expect(screen.getByRole('heading', { level: 1, name: 'Log veiliger in' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Inloggen met DigiD' })).toHaveAttribute('href', '/api/digid/start')
    expect(screen.getByRole('button', { name: LOG_OUT_AND_IN })).toBeEnabled()
    expect(screen.getByRole('link', { name: 'Mijn profiel' })).toHaveAttribute('href', '/mijn-profiel')
    // The login page's hint ("log hieronder in met uw wachtwoord") would mislead here.
    expect(screen.queryByText(/Log hieronder in/)).toBeNull()
    expect(await axeViolations(container)).toEqual([])
  })

  it('under "DigiD only" offers DigiD alone', () => {
    renderStepUp({ stepUpRequired: true, strongSecondFactorAccepted: false, digid: true })
    expect(screen.getByRole('link', { name: 'Inloggen met DigiD' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: LOG_OUT_AND_IN })).toBeNull()
    expect(screen.queryByText(/Neem contact op/)).toBeNull()
  })

  it('says to contact the organisation when no way in is offered here', () => {
    renderStepUp({ stepUpRequired: true, strongSecondFactorAccepted: false, digid: false })
    expect(screen.queryByRole('link', { name: 'Inloggen met DigiD' })).toBeNull()
    expect(screen.getByText(/Neem contact op met de zorgorganisatie/)).toBeInTheDocument()
  })

  it('sends a session that need not step up (any more) to Home', () => {
    renderStepUp({ stepUpRequired: false, strongSecondFactorAccepted: true, digid: true })
    expect(screen.getByText('Home')).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Log veiliger in' })).toBeNull()
  })
})
