import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import { cursorId, cursorInstant, cursorTime, type KeysetPosition } from '../../platform/http/keyset-cursor.ts'
import type { AppointmentTable } from './appointment.table.ts'

const COLUMNS = ['id', 'starts_at', 'ends_at', 'title', 'location', 'with_whom', 'created_by_account_id', 'cancelled_at'] as const

/** Appointment rows with who made it: an account (and its relation to the client) or a staff member. */
function appointmentsWithMaker(db: Db) {
  return db
    .selectFrom('appointment')
    .leftJoin('account', 'account.id', 'appointment.created_by_account_id')
    .leftJoin('staff_member', 'staff_member.id', 'appointment.created_by_staff_id')
    .select((eb) => [
      ...COLUMNS.map((column) => `appointment.${column}` as const), 'appointment.created_by_staff_id',
      'account.display_name as account_name', 'staff_member.name as staff_name', 'staff_member.discipline as staff_discipline',
      eb.selectFrom('client_link').select('client_link.relation')
        .whereRef('client_link.account_id', '=', 'appointment.created_by_account_id')
        .whereRef('client_link.client_id', '=', 'appointment.client_id')
        .orderBy('client_link.created_at', 'desc').limit(1).as('account_relation'),
    ])
}

/**
 * The one page query of the portal and the workspace. upcoming: not yet ended, soonest first;
 * past: ended, most recent first; cancelled ones too, marked. Keyset on (starts_at, id).
 */
export async function findAppointmentsPage(
  db: Db,
  input: { clientId: string; period: 'upcoming' | 'past'; now: Date; after: KeysetPosition | null; limit: number },
) {
  const upcoming = input.period === 'upcoming'
  let query = appointmentsWithMaker(db)
    .select(cursorTime('appointment.starts_at').as('cursor_at'))
    .where('appointment.client_id', '=', input.clientId)
    .where('appointment.ends_at', upcoming ? '>' : '<=', input.now)
  const after = input.after
  if (after) query = query.where((eb) => eb(eb.refTuple('appointment.starts_at', 'appointment.id'), upcoming ? '>' : '<', eb.tuple(cursorInstant(after), cursorId(after))))
  const direction = upcoming ? 'asc' : 'desc'
  return query.orderBy('appointment.starts_at', direction).orderBy('appointment.id', direction).limit(input.limit).execute()
}

/** An appointment row with its maker, as the workspace shows it. */
export type AppointmentWithMakerRow = Omit<Awaited<ReturnType<typeof findAppointmentsPage>>[number], 'cursor_at'>

/** One appointment of this client with its maker; another client's id finds nothing. */
export async function findAppointmentWithMaker(db: Db, clientId: string, appointmentId: string) {
  return appointmentsWithMaker(db).where('appointment.client_id', '=', clientId).where('appointment.id', '=', appointmentId).executeTakeFirst()
}

/** The columns every appointment query returns. */
export type AppointmentRow = Awaited<ReturnType<typeof findAllAppointments>>[number]

/** Appointments that are not cancelled and start in [from, until), unexecuted: the home screen composes it into its one statement. */
export function appointmentsStartingBetweenQuery(db: Db, clientId: string, from: Date, until: Date) {
  return db.selectFrom('appointment').select(COLUMNS)
    .where('client_id', '=', clientId)
    .where('cancelled_at', 'is', null)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', until)
    .orderBy('starts_at').orderBy('id')
}

/** Every appointment of the client, soonest first: for the electronic copy. */
export async function findAllAppointments(db: Db, clientId: string) {
  return db.selectFrom('appointment').select(COLUMNS).where('client_id', '=', clientId).orderBy('starts_at').orderBy('id').execute()
}

export async function insertAppointment(db: Db, row: Insertable<AppointmentTable>) {
  return db.insertInto('appointment').values(row).returning(COLUMNS).executeTakeFirstOrThrow()
}

/** One appointment of this client, locked for a change; another client's id finds nothing. */
export async function findAppointmentForChange(db: Db, clientId: string, appointmentId: string) {
  return db.selectFrom('appointment').select(['id', 'created_by_account_id', 'cancelled_at'])
    .where('id', '=', appointmentId)
    .where('client_id', '=', clientId)
    .forUpdate()
    .executeTakeFirst()
}

/** Changes an appointment the caller has checked with mayChangeAppointment. */
export async function updateAppointment(db: Db, appointmentId: string, changes: Updateable<AppointmentTable>) {
  return db.updateTable('appointment').set(changes).where('id', '=', appointmentId).returning(COLUMNS).executeTakeFirstOrThrow()
}
