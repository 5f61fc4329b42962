import type { ShallowDehydrateObject } from 'kysely'
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres'
import type { Db } from '../../platform/db/database.ts'
import { reusableQuery } from '../../platform/db/reusable-query.ts'
import { appointmentsStartingBetweenQuery, type AppointmentRow } from '../appointments/appointment.repository.ts'
import { printsOfClientQuery, type PrintListRow } from '../care-plan-prints/care-plan-print.repository.ts'
import { type MessageRow, type MessagesPageInput, messagesPageQuery, type UnreadStateInput, unreadStateColumns } from '../messages/message.repository.ts'
import { type ReportFilter, reportPageQuery, type ReportRow } from '../reports/reports.repository.ts'
import { type SubscriptionRow, subscriptionsQuery } from '../subscriptions/subscriptions.repository.ts'

/** What the profile card needs: the name parts and the date of birth, nothing more. */
export function profileSummaryQuery(db: Db, clientId: string) {
  return db
    .selectFrom('client')
    .select(['gender', 'initials', 'given_name', 'name_prefix', 'family_name', 'date_of_birth'])
    .where('id', '=', clientId)
}

type ProfileSummaryRow = NonNullable<Awaited<ReturnType<ReturnType<typeof profileSummaryQuery>['executeTakeFirst']>>>

/** What each card is read with; a card left out is not read at all. */
export interface HomeCardInputs {
  report?: ReportFilter
  messages?: { page: MessagesPageInput; unreadOf: UnreadStateInput }
  carePlanPrint?: { clientId: string }
  appointments?: { clientId: string; from: Date; until: Date }
  profile?: { clientId: string }
  subscriptions?: { clientId: string; today: string; limit: number }
}

/**
 * Every card's query in one statement: each section's own query (the one its page runs) as a
 * JSON subquery of one `select`, only for the cards asked for. The rows come back as the
 * sections' own row types (homeCardRows), for the sections' own mappers. Built once per set of
 * cards (reusable-query.ts): it is the largest statement of the portal's busiest page.
 */
const homeCardsQuery = reusableQuery('home cards', (db, cards: HomeCardInputs) => {
  const { report, messages, carePlanPrint, appointments, profile, subscriptions } = cards
  // An empty select list is valid PostgreSQL (one row, no column); each card adds its columns.
  return db.selectNoFrom([])
    .$if(report !== undefined, (qb) => qb.select(jsonObjectFrom(reportPageQuery(db, report!)).as('report')))
    .$if(messages !== undefined, (qb) => qb.select([
      jsonArrayFrom(messagesPageQuery(db, messages!.page)).as('messages'),
      // Plain columns, not JSON: the driver gives the marker as a Date, as on the messages page.
      ...unreadStateColumns(db, messages!.unreadOf),
    ]))
    .$if(carePlanPrint !== undefined, (qb) => qb.select(jsonObjectFrom(printsOfClientQuery(db, carePlanPrint!.clientId, 1)).as('care_plan_print')))
    .$if(appointments !== undefined, (qb) => qb.select(
      jsonArrayFrom(appointmentsStartingBetweenQuery(db, appointments!.clientId, appointments!.from, appointments!.until)).as('appointments'),
    ))
    .$if(profile !== undefined, (qb) => qb.select(jsonObjectFrom(profileSummaryQuery(db, profile!.clientId)).as('profile')))
    .$if(subscriptions !== undefined, (qb) => qb.select(
      jsonArrayFrom(subscriptionsQuery(db, subscriptions!.clientId, subscriptions!.today, subscriptions!.limit)).as('subscriptions'),
    ))
})

/** The cards' rows, typed as each section's own query returns them; a card not asked for is undefined. */
export interface HomeCardRows {
  report?: ReportRow | null
  messages?: { rows: MessageRow[]; readUntil: Date | null; unreadCount: number }
  carePlanPrint?: PrintListRow | null
  appointments?: AppointmentRow[]
  profile?: ProfileSummaryRow
  subscriptions?: SubscriptionRow[]
}

/** The home screen's cards in one round trip, for the cards asked for (none: no statement). */
export async function findHomeCards(db: Db, cards: HomeCardInputs): Promise<HomeCardRows> {
  if (Object.values(cards).every((card) => card === undefined)) return {}
  // A select without FROM answers exactly one row.
  const [row] = await homeCardsQuery(db, cards)
  if (row === undefined) throw new Error('home: the cards statement answered no row')
  const rows: HomeCardRows = {}
  if (row.report !== undefined) rows.report = row.report && fromJson<ReportRow>(row.report, { reported_at: true })
  if (row.messages !== undefined) {
    rows.messages = {
      rows: row.messages.map((message) => fromJson<MessageRow>(message, { created_at: true, read_until: true })),
      readUntil: row.read_until ?? null,
      unreadCount: Number(row.unread_count ?? 0),
    }
  }
  if (row.care_plan_print !== undefined) rows.carePlanPrint = row.care_plan_print && fromJson<PrintListRow>(row.care_plan_print, { created_at: true })
  if (row.appointments !== undefined) {
    rows.appointments = row.appointments.map((appointment) => fromJson<AppointmentRow>(appointment, { starts_at: true, ends_at: true, cancelled_at: true }))
  }
  if (row.profile !== undefined) {
    // The client of an active link exists; as before (executeTakeFirstOrThrow), its absence is a server error.
    if (row.profile === null) throw new Error('home: the linked client has no row')
    rows.profile = fromJson<ProfileSummaryRow>(row.profile, {})
  }
  if (row.subscriptions !== undefined) rows.subscriptions = row.subscriptions.map((subscription) => fromJson<SubscriptionRow>(subscription, { total: 'count' }))
  return rows
}

/** The keys of a row whose values are instants (timestamptz): JSON carries them as text. */
type TimestampKey<Row> = { [K in keyof Row]-?: Date extends NonNullable<Row[K]> ? K : never }[keyof Row]

/**
 * A row that came through `to_json` back to what the driver gives for the same query: every
 * timestamp (named, all of them: the type asks for each) a Date again, from PostgreSQL's ISO text
 * with its offset; a `count` (bigint, a number in JSON) the string node-postgres gives. Dates
 * (`date` columns) are 'YYYY-MM-DD' text either way, booleans and text are the same.
 */
function fromJson<Row>(json: ShallowDehydrateObject<Row>, kinds: Record<TimestampKey<Row>, true> & Partial<Record<keyof Row, true | 'count'>>): Row {
  const row: Record<string, unknown> = { ...json }
  for (const [key, kind] of Object.entries(kinds)) {
    const value = row[key]
    if (value === null || value === undefined) continue
    row[key] = kind === 'count' ? String(value) : new Date(String(value))
  }
  return row as Row
}
