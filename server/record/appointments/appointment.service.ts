import { cleanPlainText } from '../../../shared/plain-text.ts'
import type { Appointment, AppointmentList, AppointmentRequest } from '../../../shared/schemas/appointments.ts'
import { addDays, amsterdamDate, amsterdamInstant, amsterdamTime } from '../../platform/amsterdam-time.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, notFound, rateLimited, validationFailed } from '../../platform/errors.ts'
import { decodeCursor, encodeCursor } from '../../platform/http/keyset-cursor.ts'
import type { RequestSource } from '../../platform/access-log/access-log.service.ts'
import { consumeRateLimit } from '../../identity/authentication/rate-limit.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import type { ClientAccess } from '../client-access/client-access.policy.ts'
import { changeThroughLink } from '../client-access/client-access-write.ts'
import { readThroughLink } from '../client-access/client-access.service.ts'
import {
  type AppointmentRow, findAppointmentsPage, findAppointmentsStartingBetween, insertAppointment, updateOwnAppointment,
} from './appointment.repository.ts'

const DEFAULT_PAGE = 20
/** Appointment changes (add, change, cancel) an account may make per hour. */
const CHANGE_LIMIT_PER_HOUR = 60
/** How far ahead a person may plan: far enough for a yearly check-up, not a typo's year 2206. */
const MAX_DAYS_AHEAD = 2 * 366

export function appointmentRowToAppointment(row: AppointmentRow, accountId: string): Appointment {
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
    madeByMe: row.created_by_account_id === accountId,
    madeInPortal: row.created_by_account_id !== null,
    cancelled: row.cancelled_at !== null,
  }
}

/** "Alle afspraken": upcoming (soonest first) or past (latest first), a page at a time. */
export async function listAppointments(
  db: Db, session: ActiveSession, clientId: string, page: { period?: 'upcoming' | 'past'; cursor?: string; limit?: number }, source: RequestSource, now: Date,
): Promise<AppointmentList> {
  const after = page.cursor ? decodeCursor(page.cursor) : null
  const limit = page.limit ?? DEFAULT_PAGE
  return readThroughLink(db, session, clientId, { section: 'appointments', dataKind: 'appointment' }, source, now, async (trx, access) => {
    const rows = await findAppointmentsPage(trx, { clientId: access.clientId, period: page.period ?? 'upcoming', now, after, limit })
    const last = rows.length === limit ? rows.at(-1) : undefined
    return { items: rows.map((row) => appointmentRowToAppointment(row, access.accountId)), nextCursor: last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null }
  })
}

/** Today's and tomorrow's appointments (Amsterdam days), cancelled ones left out; the caller logs. */
export async function appointmentsTodayAndTomorrow(db: Db, access: ClientAccess, now: Date) {
  const today = amsterdamDate(now)
  const tomorrow = addDays(today, 1)
  const rows = await findAppointmentsStartingBetween(db, access.clientId, amsterdamInstant(today, '00:00'), amsterdamInstant(addDays(today, 2), '00:00'))
  const items = rows.map((row) => appointmentRowToAppointment(row, access.accountId))
  return { today: items.filter((a) => a.date === today), tomorrow: items.filter((a) => a.date === tomorrow) }
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
export async function createAppointment(
  db: Db, session: ActiveSession, clientId: string, input: AppointmentRequest, source: RequestSource, now: Date,
): Promise<Appointment> {
  const columns = appointmentColumns(input, now)
  await limitChanges(db, session, now)
  return changeThroughLink(db, session, clientId, { section: 'appointments', action: 'create', dataKind: 'appointment' }, source, now, async (trx, access) => {
    const row = await insertAppointment(trx, { ...columns, client_id: access.clientId, ecd_id: null, created_by_account_id: access.accountId, created_by_staff_id: null, cancelled_at: null, created_at: now, updated_at: now })
    return { result: appointmentRowToAppointment(row, access.accountId), recordId: row.id }
  })
}

/** Changes one's own appointment; anyone else's (or a cancelled one) is not found. */
export async function changeAppointment(
  db: Db, session: ActiveSession, key: { clientId: string; appointmentId: string }, input: AppointmentRequest, source: RequestSource, now: Date,
): Promise<Appointment> {
  const columns = appointmentColumns(input, now)
  await limitChanges(db, session, now)
  return changeThroughLink(db, session, key.clientId, { section: 'appointments', action: 'update', dataKind: 'appointment' }, source, now, async (trx, access) => {
    const row = await updateOwnAppointment(trx, { clientId: access.clientId, appointmentId: key.appointmentId, accountId: access.accountId }, { ...columns, updated_at: now })
    if (!row) throw notFound('appointment')
    return { result: appointmentRowToAppointment(row, access.accountId), recordId: row.id }
  })
}

/** Cancels one's own appointment. Kept as cancelled, not deleted: the care team and the ECD see it was called off. */
export async function cancelAppointment(
  db: Db, session: ActiveSession, key: { clientId: string; appointmentId: string }, source: RequestSource, now: Date,
): Promise<void> {
  await limitChanges(db, session, now)
  await changeThroughLink(db, session, key.clientId, { section: 'appointments', action: 'delete', dataKind: 'appointment' }, source, now, async (trx, access) => {
    const row = await updateOwnAppointment(trx, { clientId: access.clientId, appointmentId: key.appointmentId, accountId: access.accountId }, { cancelled_at: now, updated_at: now })
    if (!row) throw notFound('appointment')
    return { result: undefined, recordId: row.id }
  })
}

async function limitChanges(db: Db, session: ActiveSession, now: Date): Promise<void> {
  if (!(await consumeRateLimit(db, `appointment:${session.accountId}`, CHANGE_LIMIT_PER_HOUR, 3600, now))) throw rateLimited('appointment changes per account')
}
