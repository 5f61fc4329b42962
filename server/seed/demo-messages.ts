import type { Insertable } from 'kysely'
import type { MessageReadMarkerTable, MessageTable } from '../record/messages/message.table.ts'
import { addDays, amsterdamInstant } from '../platform/amsterdam-time.ts'
import type { ClientCareTeam } from './demo-care-team.ts'
import { DEMO_CLIENT_INDEX, type DemoPeople } from './demo-people.ts'

/**
 * Messages of the demo: every client's EVV-er wrote a few; the demo accounts' clients have a
 * real conversation with the newest staff message still unread, so "Berichten" shows one.
 * Deterministic (no faker): adding it leaves the rest of the demo unchanged.
 */

const STAFF_NOTES = [
  'Goedemorgen, even een bericht van de afdeling. Volgende week woensdag is er weer muziekmiddag in de huiskamer. U bent van harte welkom.',
  'De huisarts is vandaag langs geweest. Er is niets veranderd in de medicatie. Heeft u vragen? Stuur gerust een bericht.',
  'De zorgplanbespreking staat gepland. U krijgt hiervoor nog een uitnodiging met de datum en tijd.',
  'Fijn dat u er zondag was. Uw bezoek deed goed, dat was goed te merken.',
] as const

const CONVERSATION = [
  { by: 'account', text: 'Goedemiddag, hoe gaat het deze week? Ik hoorde dat het eten wat minder gaat.' },
  { by: 'staff', text: 'Dag, dank voor uw bericht. Het eten gaat de laatste dagen weer beter. We houden het gewicht in de gaten en laten het u weten als er iets verandert.' },
  { by: 'account', text: 'Fijn om te horen. Ik kom zaterdag rond 14:00 uur langs.' },
  { by: 'staff', text: 'Prima, dan weten we dat. Tot zaterdag!' },
] as const

export interface DemoMessages {
  messages: (Insertable<MessageTable> & { created_at: Date })[]
  readMarkers: Insertable<MessageReadMarkerTable>[]
}

/** `accountOfClient`: the demo portal account that talks for each demo client. */
export function planMessages(people: DemoPeople, careTeams: Map<string, ClientCareTeam>, today: string, now: Date, accountOfClient: Map<string, string>): DemoMessages {
  const messages: DemoMessages['messages'] = []
  const readMarkers: DemoMessages['readMarkers'] = []
  const demoIndexes = new Set<number>(Object.values(DEMO_CLIENT_INDEX))
  for (const [index, client] of people.clients.entries()) {
    const evv = careTeams.get(client.id)?.evv
    if (!evv) continue
    for (let n = 0; n < 2; n++) {
      const day = addDays(today, -(45 - n * 15 - (index % 7)))
      messages.push({ client_id: client.id, ecd_id: null, author_account_id: null, author_staff_id: evv.id, body: STAFF_NOTES[(index + n) % STAFF_NOTES.length]!, created_at: amsterdamInstant(day, `${10 + n}:15`) })
    }
    const accountId = accountOfClient.get(client.id)
    if (!demoIndexes.has(index) || !accountId) continue
    // The conversation of the last ten days, the staff's last answer an hour ago.
    const conversation = CONVERSATION.map((line, n) => ({
      client_id: client.id, ecd_id: null,
      author_account_id: line.by === 'account' ? accountId : null,
      author_staff_id: line.by === 'staff' ? evv.id : null,
      body: line.text,
      created_at: n === CONVERSATION.length - 1 ? new Date(now.getTime() - 60 * 60 * 1000) : amsterdamInstant(addDays(today, -(10 - n * 3)), `${9 + n}:30`),
    }))
    messages.push(...conversation)
    readMarkers.push({ client_id: client.id, account_id: accountId, staff_member_id: null, read_until: conversation[CONVERSATION.length - 2]!.created_at, updated_at: now })
  }
  return { messages, readMarkers }
}
