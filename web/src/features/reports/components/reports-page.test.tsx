import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { ReportPage } from '@shared/schemas/reports.ts'
import { axeViolations } from '@/test/axe.ts'
import { ReportsPage } from './reports-page.tsx'

const CLIENT = '7b0c2f0e-1111-4222-8333-944444444444'
const SHOWN_FROM = '2026-03-01T09:00:00.000Z'

/** The server's answers already cached, for the page as it opens and for one search: no request leaves the test. */
function renderReports() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } })
  const empty: ReportPage = { items: [], nextCursor: null, shownFrom: SHOWN_FROM }
  const cached = { pages: [empty], pageParams: [null] }
  queryClient.setQueryData(['client', CLIENT, 'reports', {}], cached)
  queryClient.setQueryData(['client', CLIENT, 'reports', { q: 'valpartij', from: '', to: '' }], cached)
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <ReportsPage clientId={CLIENT} />
      </MemoryRouter>
    </QueryClientProvider>,
  )
}

describe('ReportsPage', () => {
  it('says from when reports are shown and why, on the page and in an empty search result', async () => {
    const { container } = renderReports()
    // 09:00 UTC is 10:00 in Dutch winter time.
    expect(screen.getByText(/^U ziet rapportages vanaf 1 maart 2026 om 10:00\. Toen kreeg u toegang/)).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('Er zijn nog geen rapportages vanaf 1 maart 2026 om 10:00.')
    await userEvent.type(screen.getByLabelText('Zoeken in de tekst'), 'valpartij')
    await userEvent.click(screen.getByRole('button', { name: 'Zoeken' }))
    expect(await screen.findByText(/^Er zijn geen rapportages gevonden\. Let op: u ziet alleen rapportages vanaf 1 maart 2026 om 10:00/)).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
  })
})
