import type { Insertable } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type { AppointmentTable } from '../record/appointments/appointment.table.ts'
import type { CarePlanPrintTable } from '../record/care-plan-prints/care-plan-print.table.ts'
import type { MessageTable } from '../record/messages/message.table.ts'
import { ONE_PAGE, pdfOfObjects } from '../platform/pdf/pdf.test-support.ts'

/** Test data for care-plan prints, messages and appointments; override only what the test is about. */

/** The smallest file our PDF check accepts: header, one empty page, cross-reference table, trailer. */
export function tinyPdf(label = 'test'): Buffer {
  return pdfOfObjects(ONE_PAGE, label)
}

export async function createCarePlanPrint(db: Db, clientId: string, overrides: Partial<Insertable<CarePlanPrintTable>> = {}) {
  const print = overrides.print_pdf ?? tinyPdf('print')
  const sheet = overrides.signature_sheet_pdf === undefined ? tinyPdf('sheet') : overrides.signature_sheet_pdf
  return db
    .insertInto('care_plan_print')
    .values({
      client_id: clientId, plan_date: '2026-03-01', signed_on: '2026-03-08',
      print_size: print.length, signature_sheet_size: sheet?.length ?? null, ...overrides,
      print_pdf: print, signature_sheet_pdf: sheet,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A message; by the account when `author_account_id` is given, else pass `author_staff_id`. */
export async function createMessage(db: Db, clientId: string, overrides: Partial<Insertable<MessageTable>> & ({ author_account_id: string } | { author_staff_id: string })) {
  return db
    .insertInto('message')
    .values({ client_id: clientId, body: 'Goedemorgen, hoe gaat het vandaag?', created_at: new Date('2026-11-20T09:00:00Z'), ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function createAppointment(db: Db, clientId: string, overrides: Partial<Insertable<AppointmentTable>> = {}) {
  const startsAt = overrides.starts_at ?? new Date('2026-12-01T09:00:00Z')
  return db
    .insertInto('appointment')
    .values({ client_id: clientId, starts_at: startsAt, ends_at: new Date(new Date(startsAt).getTime() + 3600_000), title: 'Fysiotherapie', location: 'Oefenzaal', with_whom: 'Fysiotherapeut', ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow()
}
