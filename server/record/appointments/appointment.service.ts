import { cleanPlainText } from '../../../shared/plain-text.ts'
import type { Appointment, AppointmentList, AppointmentListQuery, AppointmentRequest } from '../../../shared/schemas/appointments.ts'
import type { WorkspaceAppointment, WorkspaceAppointmentList } from '../../../shared/schemas/workspace.ts'
import { addDays, amsterdamDate, amsterdamInstant, amsterdamTime } from '../../platform/amsterdam-time.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, notFound, rateLimited, validationFailed } from '../../platform/errors.ts'
import { decodeCursor, encodeCursor } from '../../platform/http/keyset-cursor.ts'
import { consumeRateLimit } from '../../identity/authentication/rate-limit.ts'
import {
  type AppointmentRow, type AppointmentWithMakerRow, findAppointmentForChange, findAppointmentWithMaker, findAppointmentsPage, insertAppointment, updateAppointment,
} from './appointment.repository.ts'
import { type AppointmentChanger, mayChangeAppointment } from './appointment.policy.ts'
import type { RequestContext } from '../../platform/http/request-context.ts'
import { notifyRecordChange } from '../notifications/notification.service.ts'
import { throughRecord } from '../client-access/record-door.ts'
import { announcePortalEvent } from '../../integration/fhir/subscription/fhir-subscription-notify.ts'
import { asCaregiver } from '../client-access/caregiver-access.policy.ts'
import { throughLink } from '../client-access/client-access.policy.ts'

const DEFAULT_PAGE = 20
/** Appointment changes (add, change, cancel) an account may make per hour. */
const CHANGE_LIMIT_PER_HOUR = 60
/** How far ahead a person may plan: far enough for a yearly check-up, not a typo's year 2206. */
const MAX_DAYS_AHEAD = 2 * 366

/**
 * The row→domain mapper of both audiences: the same times and texts, then who made it as each
 * reader needs it: the portal "made by me / in the portal", the workspace the maker's name and role.
 */
function appointmentBasics(row: AppointmentRow) {
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
  }
}

export function appointmentRowToAppointment(row: AppointmentRow, accountId: string): Appointment {
  return { ...appointmentBasics(row), madeByMe: row.created_by_account_id === accountId, madeInPortal: row.created_by_account_id !== null }
}

export function appointmentRowToWorkspaceAppointment(row: AppointmentWithMakerRow): WorkspaceAppointment {
  const madeBy: WorkspaceAppointment['madeBy'] = row.created_by_account_id !== null
    ? { kind: 'account', name: row.account_name ?? '', role: row.account_relation ?? '' }
    : row.created_by_staff_id !== null
      ? { kind: 'staff', name: row.staff_name ?? '', role: row.staff_discipline ?? '' }
      : { kind: 'ecd', name: '', role: '' }
  return { ...appointmentBasics(row), madeBy }
}

/** "Alle afspraken": upcoming (soonest first) or past (latest first), a page at a time. */
export async function listAppointments(context: RequestContext, clientId: string, page: { period?: 'upcoming' | 'past'; cursor?: string; limit?: number }): Promise<AppointmentList> {
  const { now } = context
  const after = page.cursor ? decodeCursor(page.cursor) : null
  const limit = page.limit ?? DEFAULT_PAGE
  return throughRecord(context, throughLink('appointments'), clientId, { action: 'read', dataKind: 'appointment' }, async (trx, access) => {
    const rows = await findAppointmentsPage(trx, { clientId: access.clientId, period: page.period ?? 'upcoming', now, after, limit })
    const last = rows.length === limit ? rows.at(-1) : undefined
    return { items: rows.map((row) => appointmentRowToAppointment(row, access.accountId)), nextCursor: last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null }
  })
}

/**
 * The home card's window: today and tomorrow as Amsterdam days, from today's midnight to the
 * day after tomorrow's (appointmentsStartingBetweenQuery reads the not cancelled ones in it).
 */
export function todayAndTomorrow(now: Date) {
  const today = amsterdamDate(now)
  return { today, tomorrow: addDays(today, 1), from: amsterdamInstant(today, '00:00'), until: amsterdamInstant(addDays(today, 2), '00:00') }
}

/** The window's appointments (todayAndTomorrow) as the home card shows them, per day; the caller logs. */
export function appointmentsPerDay(rows: readonly AppointmentRow[], days: { today: string; tomorrow: string }, accountId: string) {
  const items = rows.map((row) => appointmentRowToAppointment(row, accountId))
  return { today: items.filter((a) => a.date === days.today), tomorrow: items.filter((a) => a.date === days.tomorrow) }
}

/** Checks a "Nieuwe afspraak" form and turns it into columns: end after start, a date from today within two years. */
export function appointmentColumns(input: AppointmentRequest, now: Date) {
  const title = cleanPlainText(input.title, { singleLine: true })
  if (title.length === 0) throw validationFailed('title')
  if (input.endTime <= input.startTime) throw new AppError('appointment_times_invalid')
  const today = amsterdamDate(now)
  if (input.date < today || input.date > addDays(today, MAX_DAYS_AHEAD)) throw new AppError('appointment_date_out_of_range')
  return {
    starts_at: amsterdamInstant(input.date, input.startTime),
    ends_at: amsterdamInstant(input.date, input.endTime),
    title,
    location: cleanPlainText(input.location, { singleLine: true }),
    with_whom: cleanPlainText(input.withWhom, { singleLine: true }),
  }
}

/** "Nieuwe afspraak": the care team sees it, marked as made by this account. */
export async function createAppointment(context: RequestContext, clientId: string, input: AppointmentRequest): Promise<Appointment> {
  const { now } = context
  const columns = appointmentColumns(input, now)
  await limitChanges(context)
  return throughRecord(context, throughLink('appointments'), clientId, { action: 'create', dataKind: 'appointment', recordId: (a: Appointment) => a.id }, async (trx, access) => {
    const row = await insertAppointment(trx, { ...columns, client_id: access.clientId, ecd_id: null, created_by_account_id: access.accountId, created_by_staff_id: null, cancelled_at: null, created_at: now, updated_at: now })
    await announcePortalEvent(trx, { topic: 'portal-appointment', focusId: row.id }, now)
    await announce(context, trx, access.clientId, access.accountId)
    return appointmentRowToAppointment(row, access.accountId)
  })
}

/** Changes one's own appointment; anyone else's (or a cancelled one) is not found. */
export async function changeAppointment(context: RequestContext, key: { clientId: string; appointmentId: string }, input: AppointmentRequest): Promise<Appointment> {
  const { now } = context
  const columns = appointmentColumns(input, now)
  await limitChanges(context)
  return throughRecord(context, throughLink('appointments'), key.clientId, { action: 'update', dataKind: 'appointment', recordId: (a: Appointment) => a.id }, async (trx, access) => {
    const id = await requireChangeable(trx, { kind: 'account', accountId: access.accountId }, access.clientId, key.appointmentId)
    await announcePortalEvent(trx, { topic: 'portal-appointment', focusId: id }, now)
    await announce(context, trx, access.clientId, access.accountId)
    return appointmentRowToAppointment(await updateAppointment(trx, id, { ...columns, updated_at: now }), access.accountId)
  })
}

/** Cancels one's own appointment. Kept as cancelled, not deleted: the care team and the ECD see it was called off. */
export async function cancelAppointment(context: RequestContext, key: { clientId: string; appointmentId: string }): Promise<void> {
  const { now } = context
  await limitChanges(context)
  await throughRecord(context, throughLink('appointments'), key.clientId, { action: 'delete', dataKind: 'appointment', recordId: (id: string) => id }, async (trx, access) => {
    const id = await requireChangeable(trx, { kind: 'account', accountId: access.accountId }, access.clientId, key.appointmentId)
    await updateAppointment(trx, id, { cancelled_at: now, updated_at: now })
    await announcePortalEvent(trx, { topic: 'portal-appointment', focusId: id }, now)
    await announce(context, trx, access.clientId, access.accountId)
    return id
  })
}

/** The appointment's id when `changer` may change it (mayChangeAppointment), locked; otherwise not found. */
export async function requireChangeable(db: Db, changer: AppointmentChanger, clientId: string, appointmentId: string): Promise<string> {
  const appointment = await findAppointmentForChange(db, clientId, appointmentId)
  if (!appointment || !mayChangeAppointment(changer, appointment)) throw notFound('appointment')
  return appointment.id
}

/** All the client's appointments, whoever made them (relatives' ones show their name and relation). */
export async function listClientAppointments(context: RequestContext, clientId: string, query: AppointmentListQuery): Promise<WorkspaceAppointmentList> {
  const { now } = context
  const after = query.cursor ? decodeCursor(query.cursor) : null
  const limit = query.limit ?? DEFAULT_PAGE
  return throughRecord(context, asCaregiver, clientId, { action: 'read', dataKind: 'appointment' }, async (trx, access) => {
    const rows = await findAppointmentsPage(trx, { clientId: access.clientId, period: query.period ?? 'upcoming', now, after, limit: limit + 1 })
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return { items: page.map(appointmentRowToWorkspaceAppointment), nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null }
  })
}

async function reread(db: Db, clientId: string, appointmentId: string): Promise<WorkspaceAppointment> {
  const row = await findAppointmentWithMaker(db, clientId, appointmentId)
  if (!row) throw notFound('appointment')
  return appointmentRowToWorkspaceAppointment(row)
}

/** A new appointment by the care team, checked like the portal's (end after start, from today, within two years). */
export async function createStaffAppointment(context: RequestContext, clientId: string, input: AppointmentRequest): Promise<WorkspaceAppointment> {
  const { now } = context
  const columns = appointmentColumns(input, now)
  return throughRecord(context, asCaregiver, clientId, { action: 'create', dataKind: 'appointment', recordId: (a: WorkspaceAppointment) => a.id }, async (trx, access) => {
    const { id } = await insertAppointment(trx, {
      ...columns, client_id: access.clientId, ecd_id: null, created_by_account_id: null, created_by_staff_id: access.staff.staffMemberId,
      cancelled_at: null, created_at: now, updated_at: now,
    })
    await announcePortalEvent(trx, { topic: 'portal-appointment', focusId: id }, now)
    await announce(context, trx, access.clientId, null)
    return reread(trx, access.clientId, id)
  })
}

/** Changes any of the client's appointments that is not cancelled; who made it stays as it was. */
export async function changeClientAppointment(context: RequestContext, key: { clientId: string; appointmentId: string }, input: AppointmentRequest): Promise<WorkspaceAppointment> {
  const { now } = context
  const columns = appointmentColumns(input, now)
  return throughRecord(context, asCaregiver, key.clientId, { action: 'update', dataKind: 'appointment', recordId: key.appointmentId }, async (trx, access) => {
    const id = await requireChangeable(trx, { kind: 'caregiver' }, access.clientId, key.appointmentId)
    await updateAppointment(trx, id, { ...columns, updated_at: now })
    await announcePortalEvent(trx, { topic: 'portal-appointment', focusId: id }, now)
    await announce(context, trx, access.clientId, null)
    return reread(trx, access.clientId, id)
  })
}

/** Cancels one: kept as cancelled, so relatives and the ECD see it was called off. */
export async function cancelClientAppointment(context: RequestContext, key: { clientId: string; appointmentId: string }): Promise<void> {
  const { now } = context
  await throughRecord(context, asCaregiver, key.clientId, { action: 'delete', dataKind: 'appointment', recordId: key.appointmentId }, async (trx, access) => {
    const id = await requireChangeable(trx, { kind: 'caregiver' }, access.clientId, key.appointmentId)
    await updateAppointment(trx, id, { cancelled_at: now, updated_at: now })
    await announcePortalEvent(trx, { topic: 'portal-appointment', focusId: id }, now)
    await announce(context, trx, access.clientId, null)
  })
}

/** An appointment added, changed or cancelled: the linked accounts hear of it, the one who did it not. */
function announce(context: RequestContext, db: Db, clientId: string, byAccountId: string | null) {
  return notifyRecordChange(db, { kind: 'appointment', clientId, portalUrl: context.portalUrl, exceptAccountId: byAccountId }, context.now)
}

async function limitChanges({ db, session, now }: RequestContext): Promise<void> {
  if (!(await consumeRateLimit(db, `appointment:${session.accountId}`, CHANGE_LIMIT_PER_HOUR, 3600, now))) throw rateLimited('appointment changes per account')
}
