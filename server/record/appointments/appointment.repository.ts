import { type Insertable, sql, type Updateable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import { cursorInstant, cursorTime, type KeysetPosition } from '../../platform/http/keyset-cursor.ts'
import type { AppointmentTable } from './appointment.table.ts'

const COLUMNS = ['id', 'starts_at', 'ends_at', 'title', 'location', 'with_whom', 'created_by_account_id', 'cancelled_at'] as const

/** upcoming: not yet ended, soonest first; past: ended, most recent first. Keyset on (starts_at, id). */
export async function findAppointmentsPage(
  db: Db,
  input: { clientId: string; period: 'upcoming' | 'past'; now: Date; after: KeysetPosition | null; limit: number },
) {
  const upcoming = input.period === 'upcoming'
  let query = db.selectFrom('appointment').select([...COLUMNS, cursorTime('starts_at').as('cursor_at')]).where('client_id', '=', input.clientId)
    .where('ends_at', upcoming ? '>' : '<=', input.now)
  if (input.after) {
    const after = input.after
    query = query.where((eb) => eb(eb.refTuple('starts_at', 'id'), upcoming ? '>' : '<', eb.tuple(cursorInstant(after), sql<string>`${after.id}::uuid`)))
  }
  const direction = upcoming ? 'asc' : 'desc'
  return query.orderBy('starts_at', direction).orderBy('id', direction).limit(input.limit).execute()
}

/** The columns every appointment query returns. */
export type AppointmentRow = Omit<Awaited<ReturnType<typeof findAppointmentsPage>>[number], 'cursor_at'>

/** Appointments that are not cancelled and start in [from, until). */
export async function findAppointmentsStartingBetween(db: Db, clientId: string, from: Date, until: Date) {
  return db.selectFrom('appointment').select(COLUMNS)
    .where('client_id', '=', clientId)
    .where('cancelled_at', 'is', null)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', until)
    .orderBy('starts_at').orderBy('id')
    .execute()
}

/** Every appointment of the client, soonest first: for the electronic copy. */
export async function findAllAppointments(db: Db, clientId: string) {
  return db.selectFrom('appointment').select(COLUMNS).where('client_id', '=', clientId).orderBy('starts_at').orderBy('id').execute()
}

export async function insertAppointment(db: Db, row: Insertable<AppointmentTable>) {
  return db.insertInto('appointment').values(row).returning(COLUMNS).executeTakeFirstOrThrow()
}

/**
 * Changes an appointment only when it is this account's own, for this client, and not
 * cancelled; otherwise nothing happens and undefined comes back.
 */
export async function updateOwnAppointment(db: Db, key: { clientId: string; appointmentId: string; accountId: string }, changes: Updateable<AppointmentTable>) {
  return db.updateTable('appointment').set(changes)
    .where('id', '=', key.appointmentId)
    .where('client_id', '=', key.clientId)
    .where('created_by_account_id', '=', key.accountId)
    .where('cancelled_at', 'is', null)
    .returning(COLUMNS)
    .executeTakeFirst()
}
