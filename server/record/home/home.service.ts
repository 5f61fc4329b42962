import type { HomeOverview } from '../../../shared/schemas/home.ts'
import { ageOn, amsterdamDate } from '../../platform/amsterdam-time.ts'
import type { Db } from '../../platform/db/database.ts'
import { appointmentsTodayAndTomorrow } from '../appointments/appointment.service.ts'
import { findPrintsOfClient } from '../care-plan-prints/care-plan-print.repository.ts'
import { printRowToCarePlanPrint } from '../care-plan-prints/care-plan-print.service.ts'
import { formalClientName } from '../client-access/client-name.ts'
import type { ClientAccess, Section } from '../client-access/client-access.policy.ts'
import { newestMessages } from '../messages/message.service.ts'
import { findReportPage } from '../reports/reports.repository.ts'
import { reportRowToReport } from '../reports/reports.service.ts'
import { findProfileSummary } from './home.repository.ts'
import { findSubscriptions } from '../subscriptions/subscriptions.repository.ts'
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
 * The home screen in one request: a card per section the link may open, each read written to
 * the access log as its own row (what was seen, not just "home"), all rows in one INSERT.
 */
export async function getHomeOverview(context: RequestContext, clientId: string): Promise<HomeOverview> {
  const { now } = context
  return throughRecord(context, throughLink(null), clientId, { action: 'read', dataKind: 'home', alsoRead: dataKindsOfCards }, async (trx, access) => {
    const home: HomeOverview = {}
    const may = (section: Section) => access.sections.has(section)
    if (may('reports')) home.reports = { newest: await newestReport(trx, access) }
    if (may('messages')) {
      const { items, unreadCount } = await newestMessages(trx, access, { limit: NEWEST_MESSAGES }, now)
      home.messages = { newest: items, unreadCount }
    }
    if (may('care_plan')) {
      const [newest] = await findPrintsOfClient(trx, access.clientId, 1)
      home.carePlanPrints = { newest: newest ? printRowToCarePlanPrint(newest) : null }
    }
    if (may('appointments')) home.appointments = await appointmentsTodayAndTomorrow(trx, access, now)
    if (may('profile')) {
      const client = await findProfileSummary(trx, access.clientId)
      home.profile = { name: formalClientName(client), dateOfBirth: client.date_of_birth, age: ageOn(client.date_of_birth, amsterdamDate(now)) }
    }
    if (may('subscriptions')) {
      const rows = await findSubscriptions(trx, access.clientId, amsterdamDate(now), NEWEST_SUBSCRIPTIONS)
      home.subscriptions = { items: rows.map(subscriptionRowToSubscription), total: Number(rows[0]?.total ?? 0) }
    }
    return home
  })
}

/** The newest report this link may read: visible in the portal and not before the activation. */
async function newestReport(db: Db, access: ClientAccess) {
  const [row] = await findReportPage(db, { clientId: access.clientId, notBefore: access.activatedAt, from: null, until: null, containsText: null, after: null, limit: 1 })
  return row ? reportRowToReport(row, row.show_author_name === true) : null
}
