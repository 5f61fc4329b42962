import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Appointment } from '@shared/schemas/appointments.ts'
import type { ClientProfile } from '@shared/schemas/client-profile.ts'
import type { Message } from '@shared/schemas/messages.ts'
import { axeViolations } from '@/test/axe.ts'
import { AppointmentActions, AppointmentSummary, CancelConfirm } from './appointment-summary.tsx'
import { type BsnReveal, ClientFacts } from './client-facts.tsx'
import { Conversation, MessageList } from './message-list.tsx'
import { AppointmentDays, AppointmentPeriodSection } from './appointment-days.tsx'
import { dutchDay } from '@/lib/dutch-time.ts'

const appointment: Appointment = {
  id: '5f0e7a52-7d34-4d5c-9d1e-1b2f0f3a9c11',
  date: '2026-12-24',
  startTime: '14:00',
  endTime: '15:30',
  startsAt: '2026-12-24T13:00:00.000Z',
  endsAt: '2026-12-24T14:30:00.000Z',
  title: 'Bezoek',
  location: 'Kamer 12',
  withWhom: '',
  madeByMe: true,
  madeInPortal: true,
  cancelled: false,
}

describe('AppointmentSummary', () => {
  it('is an article named by its time and title, with where but not an empty "with whom"', async () => {
    const { container } = render(<ul><li><AppointmentSummary appointment={appointment} madeBy={<p>Door u gemaakt</p>} /></li></ul>)
    const article = screen.getByRole('article', { name: '14:00 – 15:30, Bezoek' })
    expect(article).toHaveTextContent('Waar: Kamer 12')
    expect(article).not.toHaveTextContent('Met wie')
    expect(article).toHaveTextContent('Door u gemaakt')
    expect(await axeViolations(container)).toEqual([])
  })

  it('says a cancelled appointment is cancelled', () => {
    render(<AppointmentSummary appointment={{ ...appointment, cancelled: true }} madeBy={null} />)
    expect(screen.getByRole('article')).toHaveTextContent('Afgezegd')
  })
})

describe('AppointmentActions and CancelConfirm', () => {
  it('name their buttons with the title, and the confirmation asks before cancelling', async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    const onCancel = vi.fn()
    render(<AppointmentActions title="Bezoek" onChange={onChange} onCancel={onCancel} />)
    await user.click(screen.getByRole('button', { name: 'Wijzigen: Bezoek' }))
    await user.click(screen.getByRole('button', { name: 'Afzeggen: Bezoek' }))
    expect(onChange).toHaveBeenCalledOnce()
    expect(onCancel).toHaveBeenCalledOnce()
  })

  it('confirms once, not while pending, and can take focus as a group', async () => {
    const user = userEvent.setup()
    const onYes = vi.fn()
    const onNo = vi.fn()
    const groupRef = { current: null as HTMLDivElement | null }
    const { rerender, container } = render(
      <CancelConfirm question="Wilt u deze afspraak afzeggen?" className="workspace-confirm" groupRef={groupRef} pending={false} error={null} onYes={onYes} onNo={onNo} />,
    )
    const group = screen.getByRole('group', { name: 'Wilt u deze afspraak afzeggen?' })
    expect(group).toHaveAttribute('tabindex', '-1')
    expect(groupRef.current).toBe(group)
    await user.click(within(group).getByRole('button', { name: 'Ja, afspraak afzeggen' }))
    expect(onYes).toHaveBeenCalledOnce()
    rerender(<CancelConfirm question="Wilt u deze afspraak afzeggen?" className="workspace-confirm" pending error={null} onYes={onYes} onNo={onNo} />)
    await user.click(screen.getByRole('button', { name: 'Ja, afspraak afzeggen' }))
    expect(onYes).toHaveBeenCalledOnce()
    expect(screen.getByRole('group')).not.toHaveAttribute('tabindex')
    await user.click(screen.getByRole('button', { name: 'Nee, niet afzeggen' }))
    expect(onNo).toHaveBeenCalledOnce()
    expect(await axeViolations(container)).toEqual([])
  })

  it("asks the side's request for the BSN and shows it once there", async () => {
    const user = userEvent.setup()
    const reveal: BsnReveal = { data: undefined, isPending: false, error: null, mutate: vi.fn(), reset: vi.fn() }
    const classNames = { facts: 'workspace-facts', bsn: 'workspace-bsn' }
    const { rerender } = render(<ClientFacts profile={profile} reveal={reveal} classNames={classNames} />)
    await user.click(screen.getByRole('button', { name: 'Toon BSN' }))
    expect(reveal.mutate).toHaveBeenCalledOnce()
    rerender(<ClientFacts profile={profile} reveal={{ ...reveal, data: { bsn: '123450076' } }} classNames={classNames} />)
    expect(screen.getByText('123450076')).toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Verberg BSN' }))
    expect(reveal.reset).toHaveBeenCalledOnce()
  })
})

const message = (overrides: Partial<Message>): Message => ({
  id: crypto.randomUUID(),
  body: 'Hallo',
  createdAt: '2026-06-25T12:01:00.000Z',
  author: { kind: 'account', name: 'Ans de Vries', role: 'first_contact', isMe: false },
  unread: false,
  ...overrides,
})

describe('MessageList', () => {
  const messages = [
    message({ body: 'Komt u morgen?\nGraag voor tienen.', unread: true }),
    message({ author: { kind: 'staff', name: 'Piet Jansen', role: 'EVV-er', isMe: false } }),
    message({ author: { kind: 'account', name: 'Ik', role: 'self', isMe: true } }),
  ]

  it('lists the conversation with day, Dutch time and author, unread ones marked', async () => {
    const { container } = render(<MessageList label="Gesprek" messages={messages} markMine />)
    const items = within(screen.getByRole('list', { name: 'Gesprek' })).getAllByRole('listitem')
    expect(items).toHaveLength(3)
    expect(items[0]).toHaveTextContent('Nieuw')
    // 12:01 UTC in June is 14:01 in Dutch summer time.
    expect(items[0]).toHaveTextContent('14:01')
    expect(items[0]).toHaveTextContent('Ans de Vries (Eerste contactpersoon)')
    expect(items[0]).toHaveTextContent('Graag voor tienen.')
    expect(items[1]).toHaveTextContent('Piet Jansen (EVV-er)')
    expect(items[1]).not.toHaveTextContent('Nieuw')
    expect(items[2]).toHaveTextContent(/\| ?, ?U/)
    expect(items[2]).toHaveClass('message--mine')
    expect(await axeViolations(container)).toEqual([])
  })

  it("sets one's own messages apart only when asked", () => {
    render(<MessageList label="Gesprek" messages={messages} />)
    expect(screen.getAllByRole('listitem')[2]).not.toHaveClass('message--mine')
  })
})

const profile: ClientProfile = {
  name: 'Johanna de Boer',
  dateOfBirth: '1938-10-11',
  age: 88,
  maritalStatus: '',
  placeOfBirth: 'Zwolle',
  nationality: 'Nederlandse',
  bsnMasked: '*****0076',
  address: { street: 'Dorpsstraat', houseNumber: '4', postalCode: '8011 AB', city: 'Zwolle', extra: '' },
  phone: '',
  email: '',
  clientNumber: '10234',
  legalCapacity: 'wilsbekwaam',
  legalRepresentatives: [],
  admissionStatus: '',
  admissionLegalBasis: '',
  generalPractitioner: '',
  identityEstablished: true,
  bankAccountMasked: 'NL************4300',
}

describe('ClientFacts', () => {
  it('shows the facts as term and value, unknown ones said, the bank account and the BSN masked', async () => {
    const reveal: BsnReveal = { data: undefined, isPending: false, error: null, mutate: vi.fn(), reset: vi.fn() }
    const classNames = { section: 'client-profile__section', facts: 'client-profile__facts', bsn: 'client-profile__bsn' }
    const { container } = render(<ClientFacts profile={profile} reveal={reveal} classNames={classNames} />)
    const personal = screen.getByRole('region', { name: 'Persoonlijke gegevens' })
    const value = (term: string) => within(personal).getByText(term, { selector: 'dt' }).nextElementSibling
    expect(value('Naam')).toHaveTextContent('Johanna de Boer')
    expect(value('Laatste woonadres')).toHaveTextContent('Dorpsstraat 4, 8011 AB Zwolle')
    expect(value('Extra info na straat')).toHaveTextContent('Niet bekend')
    expect(value('BSN')).toHaveTextContent('verborgen, eindigt op 0076')
    expect(value('BSN')).not.toHaveTextContent('123450076')
    const full = screen.getByRole('region', { name: 'Zorg en administratie' })
    expect(within(full).getByText('Wilsbekwaam')).toBeInTheDocument()
    expect(within(full).getByText('Geen')).toBeInTheDocument()
    expect(within(full).getByText('NL************4300')).toHaveAttribute('aria-hidden', 'true')
    expect(within(full).getByText('verborgen, eindigt op 4300')).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
  })

  it("asks the side's request for the BSN and shows it once there", async () => {
    const user = userEvent.setup()
    const reveal: BsnReveal = { data: undefined, isPending: false, error: null, mutate: vi.fn(), reset: vi.fn() }
    const classNames = { facts: 'workspace-facts', bsn: 'workspace-bsn' }
    const { rerender } = render(<ClientFacts profile={profile} reveal={reveal} classNames={classNames} />)
    await user.click(screen.getByRole('button', { name: 'Toon BSN' }))
    expect(reveal.mutate).toHaveBeenCalledOnce()
    rerender(<ClientFacts profile={profile} reveal={{ ...reveal, data: { bsn: '123450076' } }} classNames={classNames} />)
    expect(screen.getByText('123450076')).toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Verberg BSN' }))
    expect(reveal.reset).toHaveBeenCalledOnce()
  })
})

describe('AppointmentDays and AppointmentPeriodSection', () => {
  it('group appointments per day under "Vandaag", "Morgen" or the weekday, each day a named list', async () => {
    const later = { ...appointment, id: 'c', date: '2030-01-04' }
    const items = [
      { ...appointment, id: 'a', date: dutchDay(0) },
      { ...appointment, id: 'b', date: dutchDay(0), title: 'Fysiotherapie' },
      { ...appointment, id: 'd', date: dutchDay(1) },
      later,
    ]
    const { container } = render(
      <AppointmentPeriodSection period="upcoming" pending={false} failed={false} loaded empty={false} hasMore={false} loadingMore={false} onRetry={vi.fn()} onLoadMore={vi.fn()}>
        <AppointmentDays items={items} dayClassName="appointment__day" renderItem={(item) => <li key={item.id}>{item.title}</li>} />
      </AppointmentPeriodSection>,
    )
    expect(screen.getByRole('region', { name: 'Komende afspraken' })).toBeInTheDocument()
    expect(within(screen.getByRole('list', { name: 'Vandaag' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Bezoek', 'Fysiotherapie'])
    expect(within(screen.getByRole('list', { name: 'Morgen' })).getAllByRole('listitem')).toHaveLength(1)
    expect(screen.getByRole('heading', { level: 3, name: 'vrijdag 4 januari 2030' })).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
  })

  it('say when there are none, and load more on request but not twice', async () => {
    const user = userEvent.setup()
    const onLoadMore = vi.fn()
    const props = { period: 'past', pending: false, failed: false, loaded: true, empty: true, hasMore: true, onRetry: vi.fn(), onLoadMore } as const
    const { rerender } = render(<AppointmentPeriodSection {...props} loadingMore={false}>{null}</AppointmentPeriodSection>)
    expect(screen.getByText('Geen afspraken')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Meer laden' }))
    rerender(<AppointmentPeriodSection {...props} loadingMore>{null}</AppointmentPeriodSection>)
    await user.click(screen.getByRole('button', { name: 'Meer laden' }))
    expect(onLoadMore).toHaveBeenCalledOnce()
  })
})

describe('Conversation', () => {
  const props = { pending: false, failed: false, loaded: true, empty: false, hasMore: false, loadingMore: false, onRetry: vi.fn(), onLoadMore: vi.fn(), summary: <p>1 nieuw bericht</p> }

  it('says there are no messages yet, under its summary', () => {
    render(<Conversation {...props} empty messages={[]} />)
    expect(screen.getByRole('heading', { level: 2, name: 'Gesprek' })).toBeInTheDocument()
    expect(screen.getByText('1 nieuw bericht')).toBeInTheDocument()
    expect(screen.getByText('Er zijn nog geen berichten.')).toBeInTheDocument()
    expect(screen.queryByRole('list')).not.toBeInTheDocument()
  })

  it('shows only the loading state until loaded, then the list and "Oudere berichten laden"', async () => {
    const user = userEvent.setup()
    const onLoadOlder = vi.fn()
    const { rerender } = render(<Conversation {...props} loaded={false} pending messages={[]} />)
    expect(screen.getByText('Even geduld. De berichten worden geladen.')).toBeInTheDocument()
    expect(screen.queryByText('1 nieuw bericht')).not.toBeInTheDocument()
    rerender(<Conversation {...props} hasMore onLoadMore={onLoadOlder} messages={[message({})]} />)
    expect(screen.getByRole('list', { name: 'Gesprek' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Oudere berichten laden' }))
    expect(onLoadOlder).toHaveBeenCalledOnce()
  })
})
