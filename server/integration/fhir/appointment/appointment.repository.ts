import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../../platform/db/database.ts'
import type { AppointmentTable } from '../../../record/appointments/appointment.table.ts'
import { isRowId, lastUpdatedCondition } from '../fhir-repository-helpers.ts'
import type { SearchQuery } from '../fhir-resource-type.ts'

/** Appointments with the name of who made them. */
function appointments(db: Db) {
  return db
    .selectFrom('appointment')
    .leftJoin('account', 'account.id', 'appointment.created_by_account_id')
    .leftJoin('staff_member', 'staff_member.id', 'appointment.created_by_staff_id')
    .selectAll('appointment')
    .select(['account.display_name as account_name', 'staff_member.name as staff_name'])
}

export async function findAppointmentById(db: Db, id: string) {
  if (!isRowId(id)) return undefined
  return appointments(db).where('appointment.id', '=', id).executeTakeFirst()
}

export async function findAppointmentByEcdId(db: Db, ecdId: string) {
  return appointments(db).where('appointment.ecd_id', '=', ecdId).executeTakeFirst()
}

/** Appointments by client and ECD identifier; oldest change first, for polling. */
export async function searchAppointments(db: Db, filter: { ecdId?: string; query: SearchQuery }) {
  let query = appointments(db).where(lastUpdatedCondition('appointment.updated_at', filter.query.lastUpdated))
  if (filter.ecdId !== undefined) query = query.where('appointment.ecd_id', '=', filter.ecdId)
  if (filter.query.patient !== undefined) query = query.where('appointment.client_id', '=', filter.query.patient)
  return query.orderBy('appointment.updated_at').orderBy('appointment.id').limit(filter.query.count).execute()
}

export async function insertEcdAppointment(db: Db, values: Insertable<AppointmentTable>) {
  const { id } = await db.insertInto('appointment').values(values).returning('id').executeTakeFirstOrThrow()
  return (await findAppointmentById(db, id))!
}

export async function updateEcdAppointment(db: Db, id: string, values: Updateable<AppointmentTable>) {
  await db.updateTable('appointment').set(values).where('id', '=', id).execute()
  return (await findAppointmentById(db, id))!
}
