import type { HomeOverview } from '../../../shared/schemas/home.ts'
import { ageOn } from '../../platform/amsterdam-time.ts'
import { appointmentsPerDay, todayAndTomorrow } from '../appointments/appointment.service.ts'
import { printRowToCarePlanPrint } from '../care-plan-prints/care-plan-print.service.ts'
import { formalClientName } from '../client-access/client-name.ts'
import type { Section } from '../client-access/client-access.policy.ts'
import { messageRowToMessage, newestMessagesInput } from '../messages/message.service.ts'
import { reportRowToReport } from '../reports/reports.service.ts'
import { findHomeCards } from './home.repository.ts'
import { subscriptionRowToSubscription } from '../subscriptions/subscriptions.service.ts'
import type { RequestContext } from '../../platform/http/request-context.ts'
import { throughRecord } from '../client-access/record-door.ts'
import { throughLink } from '../client-access/client-access.policy.ts'

const NEWEST_MESSAGES = 3
const NEWEST_SUBSCRIPTIONS = 3

/** Which data kind each card shows, for its own access-log row. */
const DATA_KIND: Record<keyof HomeOverview, string> = {
  reports: 'report', carePlanPrints: 'care_plan_print', appointments: 'appointment', messages: 'message', profile: 'profile', subscriptions: 'subscription',
}

/** One access-log row per card the answer holds: what was seen, not just "home". */
function dataKindsOfCards(home: HomeOverview): string[] {
  return (Object.keys(DATA_KIND) as (keyof HomeOverview)[]).filter((card) => home[card] !== undefined).map((card) => DATA_KIND[card])
}

/**
 * The home screen in one request: a card per section the link may open, all of them read in one
 * statement (findHomeCards: each section's own query, composed), each read written to the access
 * log as its own row (what was seen, not just "home"), all rows in one INSERT.
 */
export async function getHomeOverview(context: RequestContext, clientId: string): Promise<HomeOverview> {
  const { now } = context
  return throughRecord(context, throughLink(null), clientId, { action: 'read', dataKind: 'home', alsoRead: dataKindsOfCards }, async (trx, access) => {
    const may = (section: Section) => access.sections.has(section)
    // Amsterdam's today (and tomorrow, and the instants bounding them): the appointments, subscriptions and age read it.
    const days = todayAndTomorrow(now)
    const cards = await findHomeCards(trx, {
      // The newest report this link may read: visible in the portal and not before the activation.
      report: may('reports') ? { clientId: access.clientId, notBefore: access.activatedAt, from: null, until: null, containsPattern: null, after: null, limit: 1 } : undefined,
      messages: may('messages') ? newestMessagesInput(access, { limit: NEWEST_MESSAGES }, now) : undefined,
      carePlanPrint: may('care_plan') ? { clientId: access.clientId } : undefined,
      appointments: may('appointments') ? { clientId: access.clientId, from: days.from, until: days.until } : undefined,
      profile: may('profile') ? { clientId: access.clientId } : undefined,
      subscriptions: may('subscriptions') ? { clientId: access.clientId, today: days.today, limit: NEWEST_SUBSCRIPTIONS } : undefined,
    })
    const home: HomeOverview = {}
    if (cards.report !== undefined) home.reports = { newest: cards.report ? reportRowToReport(cards.report, cards.report.show_author_name === true) : null }
    if (cards.messages) {
      const { rows, readUntil, unreadCount } = cards.messages
      home.messages = { newest: rows.map((row) => messageRowToMessage(row, { accountId: access.accountId, readUntil })), unreadCount }
    }
    if (cards.carePlanPrint !== undefined) home.carePlanPrints = { newest: cards.carePlanPrint ? printRowToCarePlanPrint(cards.carePlanPrint) : null }
    if (cards.appointments) home.appointments = appointmentsPerDay(cards.appointments, days, access.accountId)
    if (cards.profile) {
      const client = cards.profile
      home.profile = { name: formalClientName(client), dateOfBirth: client.date_of_birth, age: ageOn(client.date_of_birth, days.today) }
    }
    if (cards.subscriptions) {
      const rows = cards.subscriptions
      home.subscriptions = { items: rows.map(subscriptionRowToSubscription), total: Number(rows[0]?.total ?? 0) }
    }
    return home
  })
}
