import type { AuditEvent } from '@medplum/fhirtypes'
import { readOnly } from '../fhir-read-only.ts'
import type { FhirContext, FhirResourceType, StoredResource } from '../fhir-resource-type.ts'
import { accessLogToAuditEvent, type AccessLogRow } from './audit-event.mapping.ts'
import { findAccessLogRow, searchAccessLog } from './audit-event.repository.ts'

function stored(row: AccessLogRow, context: FhirContext): StoredResource<AuditEvent> {
  return { resource: accessLogToAuditEvent(row, context.portalBaseUrl), id: row.id, version: 1, clientId: row.client_id }
}

/** AuditEvent ← the NEN 7513 access log: read-only, the log is append-only. */
export const auditEventType: FhirResourceType<AuditEvent> = {
  resourceType: 'AuditEvent',
  dataKind: 'access_log',
  searchParams: ['patient'],

  async read(db, context, id) {
    const row = await findAccessLogRow(db, id)
    return row && stored(row, context)
  },

  async findByEcdId() {
    return undefined
  },

  async search(db, context, query) {
    if (query.identifier) return []
    return (await searchAccessLog(db, query)).map((row) => stored(row, context))
  },

  save() {
    return readOnly('AuditEvent')
  },
}
