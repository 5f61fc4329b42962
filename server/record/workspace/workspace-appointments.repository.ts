import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../platform/db/database.ts'
import type { AppointmentTable } from '../appointments/appointment.table.ts'
import { exactTime, type Position, positionId, positionTime } from './workspace-cursor.ts'

/** Every appointment query here returns these, with who made it: an account (and its relation) or a staff member. */
function appointmentsWithMaker(db: Db) {
  return db
    .selectFrom('appointment')
    .leftJoin('account', 'account.id', 'appointment.created_by_account_id')
    .leftJoin('staff_member', 'staff_member.id', 'appointment.created_by_staff_id')
    .select((eb) => [
      'appointment.id', 'appointment.starts_at', 'appointment.ends_at', 'appointment.title', 'appointment.location', 'appointment.with_whom',
      'appointment.cancelled_at', 'appointment.created_by_account_id', 'appointment.created_by_staff_id',
      'account.display_name as account_name', 'staff_member.name as staff_name', 'staff_member.discipline as staff_discipline',
      eb.selectFrom('client_link').select('client_link.relation')
        .whereRef('client_link.account_id', '=', 'appointment.created_by_account_id')
        .whereRef('client_link.client_id', '=', 'appointment.client_id')
        .orderBy('client_link.created_at', 'desc').limit(1).as('account_relation'),
    ])
}

/** upcoming: not yet ended, soonest first; past: ended, latest first. Cancelled ones too, marked. */
export async function findWorkspaceAppointmentsPage(db: Db, input: { clientId: string; period: 'upcoming' | 'past'; now: Date; after: Position | null; limit: number }) {
  const upcoming = input.period === 'upcoming'
  let query = appointmentsWithMaker(db)
    .select(exactTime('appointment.starts_at').as('cursor_at'))
    .where('appointment.client_id', '=', input.clientId)
    .where('appointment.ends_at', upcoming ? '>' : '<=', input.now)
  const after = input.after
  if (after) query = query.where((eb) => eb(eb.refTuple('appointment.starts_at', 'appointment.id'), upcoming ? '>' : '<', eb.tuple(positionTime(after), positionId(after))))
  const direction = upcoming ? 'asc' : 'desc'
  return query.orderBy('appointment.starts_at', direction).orderBy('appointment.id', direction).limit(input.limit).execute()
}

export type WorkspaceAppointmentRow = Omit<Awaited<ReturnType<typeof findWorkspaceAppointmentsPage>>[number], 'cursor_at'>

export async function findWorkspaceAppointment(db: Db, clientId: string, appointmentId: string) {
  return appointmentsWithMaker(db).where('appointment.client_id', '=', clientId).where('appointment.id', '=', appointmentId).executeTakeFirst()
}

export async function insertStaffAppointment(db: Db, row: Insertable<AppointmentTable>) {
  return db.insertInto('appointment').values(row).returning('id').executeTakeFirstOrThrow()
}

/** Changes any not-cancelled appointment of this client (the care team manages them all); undefined when there is none. */
export async function updateClientAppointment(db: Db, key: { clientId: string; appointmentId: string }, changes: Updateable<AppointmentTable>) {
  return db.updateTable('appointment').set(changes)
    .where('id', '=', key.appointmentId)
    .where('client_id', '=', key.clientId)
    .where('cancelled_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
}
