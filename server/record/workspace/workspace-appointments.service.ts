import type { AppointmentListQuery, AppointmentRequest } from '../../../shared/schemas/appointments.ts'
import type { WorkspaceAppointment, WorkspaceAppointmentList } from '../../../shared/schemas/workspace.ts'
import { amsterdamDate, amsterdamTime } from '../../platform/amsterdam-time.ts'
import type { Db } from '../../platform/db/database.ts'
import { notFound } from '../../platform/errors.ts'
import type { RequestSource } from '../../platform/access-log/access-log.service.ts'
import { appointmentColumns } from '../appointments/appointment.service.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import {
  findWorkspaceAppointment, findWorkspaceAppointmentsPage, insertStaffAppointment, updateClientAppointment, type WorkspaceAppointmentRow,
} from './workspace-appointments.repository.ts'
import { decodePosition, encodePosition } from './workspace-cursor.ts'
import { withClientOfCaregiver } from './workspace.service.ts'

const DEFAULT_PAGE = 20

export function rowToWorkspaceAppointment(row: WorkspaceAppointmentRow): WorkspaceAppointment {
  const madeBy: WorkspaceAppointment['madeBy'] = row.created_by_account_id !== null
    ? { kind: 'account', name: row.account_name ?? '', role: row.account_relation ?? '' }
    : row.created_by_staff_id !== null
      ? { kind: 'staff', name: row.staff_name ?? '', role: row.staff_discipline ?? '' }
      : { kind: 'ecd', name: '', role: '' }
  return {
    id: row.id,
    date: amsterdamDate(row.starts_at),
    startTime: amsterdamTime(row.starts_at),
    endTime: amsterdamTime(row.ends_at),
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    title: row.title,
    location: row.location,
    withWhom: row.with_whom,
    cancelled: row.cancelled_at !== null,
    madeBy,
  }
}

/** All the client's appointments, whoever made them (relatives' ones show their name and relation). */
export async function listClientAppointments(db: Db, session: ActiveSession, clientId: string, query: AppointmentListQuery, source: RequestSource, now: Date): Promise<WorkspaceAppointmentList> {
  const after = query.cursor ? decodePosition(query.cursor) : null
  const limit = query.limit ?? DEFAULT_PAGE
  return withClientOfCaregiver(db, session, clientId, { action: 'read', dataKind: 'appointment' }, source, now, async (trx, access) => {
    const rows = await findWorkspaceAppointmentsPage(trx, { clientId: access.clientId, period: query.period ?? 'upcoming', now, after, limit: limit + 1 })
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return { items: page.map(rowToWorkspaceAppointment), nextCursor: rows.length > limit && last ? encodePosition({ at: last.cursor_at, id: last.id }) : null }
  })
}

async function reread(db: Db, clientId: string, appointmentId: string): Promise<WorkspaceAppointment> {
  const row = await findWorkspaceAppointment(db, clientId, appointmentId)
  if (!row) throw notFound('appointment')
  return rowToWorkspaceAppointment(row)
}

/** A new appointment by the care team, checked like the portal's (end after start, from today, within two years). */
export async function createStaffAppointment(db: Db, session: ActiveSession, clientId: string, input: AppointmentRequest, source: RequestSource, now: Date): Promise<WorkspaceAppointment> {
  const columns = appointmentColumns(input, now)
  return withClientOfCaregiver(db, session, clientId, { action: 'create', dataKind: 'appointment', recordId: (a: WorkspaceAppointment) => a.id }, source, now, async (trx, access) => {
    const { id } = await insertStaffAppointment(trx, {
      ...columns, client_id: access.clientId, ecd_id: null, created_by_account_id: null, created_by_staff_id: access.staff.staffMemberId,
      cancelled_at: null, created_at: now, updated_at: now,
    })
    return reread(trx, access.clientId, id)
  })
}

/** Changes any of the client's appointments that is not cancelled; who made it stays as it was. */
export async function changeClientAppointment(
  db: Db, session: ActiveSession, key: { clientId: string; appointmentId: string }, input: AppointmentRequest, source: RequestSource, now: Date,
): Promise<WorkspaceAppointment> {
  const columns = appointmentColumns(input, now)
  return withClientOfCaregiver(db, session, key.clientId, { action: 'update', dataKind: 'appointment', recordId: key.appointmentId }, source, now, async (trx, access) => {
    const row = await updateClientAppointment(trx, { clientId: access.clientId, appointmentId: key.appointmentId }, { ...columns, updated_at: now })
    if (!row) throw notFound('appointment')
    return reread(trx, access.clientId, row.id)
  })
}

/** Cancels one: kept as cancelled, so relatives and the ECD see it was called off. */
export async function cancelClientAppointment(db: Db, session: ActiveSession, key: { clientId: string; appointmentId: string }, source: RequestSource, now: Date): Promise<void> {
  await withClientOfCaregiver(db, session, key.clientId, { action: 'delete', dataKind: 'appointment', recordId: key.appointmentId }, source, now, async (trx, access) => {
    const row = await updateClientAppointment(trx, { clientId: access.clientId, appointmentId: key.appointmentId }, { cancelled_at: now, updated_at: now })
    if (!row) throw notFound('appointment')
  })
}
