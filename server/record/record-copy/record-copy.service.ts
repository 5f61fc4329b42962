import type { LinkRelation } from '../../../shared/schemas/clients.ts'
import type { CopyProfile, RecordCopy } from '../../../shared/schemas/record-copy.ts'
import type { Report } from '../../../shared/schemas/reports.ts'
import { ageOn, amsterdamDate } from '../../platform/amsterdam-time.ts'
import type { FieldCipher } from '../../platform/crypto/field-encryption.ts'
import type { Db } from '../../platform/db/database.ts'
import type { KeysetPosition } from '../../platform/http/keyset-cursor.ts'
import { findAllAppointments } from '../appointments/appointment.repository.ts'
import { appointmentRowToAppointment } from '../appointments/appointment.service.ts'
import { findPrintsOfClient } from '../care-plan-prints/care-plan-print.repository.ts'
import { printRowToCarePlanPrint } from '../care-plan-prints/care-plan-print.service.ts'
import type { ClientAccess } from '../client-access/client-access.policy.ts'
import { formalClientName } from '../client-access/client-name.ts'
import { findSubscriptions } from '../subscriptions/subscriptions.repository.ts'
import { subscriptionRowToSubscription } from '../subscriptions/subscriptions.service.ts'
import type { Message } from '../../../shared/schemas/messages.ts'
import { newestMessages } from '../messages/message.service.ts'
import { findReportPage, findShowAuthorName } from '../reports/reports.repository.ts'
import { reportRowToReport } from '../reports/reports.service.ts'
import { type ClientCopyRow, findAccessLogOfClient, findClientForCopy, findOrganisationName } from './record-copy.repository.ts'
import { throughRecord } from '../client-access/record-door.ts'
import type { RequestContext } from '../../platform/http/request-context.ts'
import { throughLink } from '../client-access/client-access.policy.ts'

const PAGE = 1000
const ACCESS_LOG_LINES = 5000

/**
 * "Mijn gegevens downloaden": everything this link may see, gathered in one transaction so the
 * copy is one consistent moment, and logged as an export of the whole record (one row).
 */
export async function buildRecordCopy(context: RequestContext, cipher: FieldCipher, clientId: string, format: 'json' | 'pdf'): Promise<RecordCopy> {
  const { now } = context
  return throughRecord(context, throughLink(null), clientId, { action: 'export', dataKind: `record_copy_${format}`, recordId: null }, async (trx, access) => {
    const may = (section: Parameters<typeof access.sections.has>[0]) => access.sections.has(section)
    const client = await findClientForCopy(trx, access.clientId)
    const copy: RecordCopy = {
      generatedAt: now.toISOString(),
      organisation: await findOrganisationName(trx),
      client: { name: formalClientName(client) },
      link: { relation: access.actor.role as LinkRelation, activatedAt: access.activatedAt.toISOString(), sections: [...access.sections] },
      accessLog: [],
    }
    if (may('profile')) copy.profile = copyProfile(client, cipher, now)
    if (may('reports')) copy.reports = await allReports(trx, access)
    if (may('messages')) copy.messages = await allMessages(trx, access, now)
    if (may('appointments')) copy.appointments = (await findAllAppointments(trx, access.clientId)).map((row) => appointmentRowToAppointment(row, access.accountId))
    if (may('care_plan')) copy.carePlanPrints = (await findPrintsOfClient(trx, access.clientId)).map(printRowToCarePlanPrint)
    if (may('subscriptions')) copy.subscriptions = (await findSubscriptions(trx, access.clientId, amsterdamDate(now))).map(subscriptionRowToSubscription)
    // The log as it stood before this export; the export's own line is written after.
    copy.accessLog = (await findAccessLogOfClient(trx, access.clientId, ACCESS_LOG_LINES)).map((row) => ({
      occurredAt: row.occurred_at.toISOString(), action: row.action, outcome: row.outcome, actorType: row.actor_type,
      actorRole: row.actor_role, actorName: row.actor_name, dataKind: row.data_kind,
    }))
    return copy
  })
}

function copyProfile(client: ClientCopyRow, cipher: FieldCipher, now: Date): CopyProfile {
  const address = [`${client.street} ${client.house_number}`.trim(), `${client.postal_code} ${client.city}`.trim()].filter(Boolean).join(', ')
  return {
    name: formalClientName(client),
    clientNumber: client.client_number,
    dateOfBirth: client.date_of_birth,
    age: ageOn(client.date_of_birth, amsterdamDate(now)),
    maritalStatus: client.marital_status,
    placeOfBirth: client.place_of_birth,
    nationality: client.nationality,
    bsnMasked: client.bsn_encrypted ? maskTail(cipher.decrypt(client.bsn_encrypted), 3) : null,
    address,
    addressExtra: client.address_extra,
    phone: client.phone,
    email: client.email,
    legalCapacity: client.legal_capacity,
    admissionStatus: client.admission_status,
    admissionLegalBasis: client.admission_legal_basis,
    generalPractitioner: client.general_practitioner,
    identityEstablished: client.identity_established,
    bankAccountMasked: client.bank_account_encrypted ? maskTail(cipher.decrypt(client.bank_account_encrypted), 4) : null,
  }
}

/** All but the last `visible` characters hidden: "******076". */
export function maskTail(value: string, visible: number): string {
  const compact = value.replace(/\s/g, '')
  return '*'.repeat(Math.max(compact.length - visible, 0)) + compact.slice(-visible)
}

async function allReports(db: Db, access: ClientAccess): Promise<Report[]> {
  const showAuthorName = await findShowAuthorName(db)
  const reports: Report[] = []
  let after: KeysetPosition | null = null
  for (;;) {
    const rows = await findReportPage(db, { clientId: access.clientId, notBefore: access.activatedAt, from: null, until: null, containsPattern: null, after, limit: PAGE })
    reports.push(...rows.map((row) => reportRowToReport(row, showAuthorName)))
    const last = rows.at(-1)
    if (rows.length < PAGE || !last) return reports
    after = { at: last.cursor_at, id: last.id }
  }
}

async function allMessages(db: Db, access: ClientAccess, now: Date): Promise<Message[]> {
  const messages: Message[] = []
  let after: KeysetPosition | null = null
  for (;;) {
    const page = await newestMessages(db, access, { after, limit: PAGE }, now)
    messages.push(...page.items)
    const last = page.rows.at(-1)
    if (page.rows.length < PAGE || !last) return messages
    after = { at: last.cursor_at, id: last.id }
  }
}
