import type { AuditEvent } from '@medplum/fhirtypes'
import { readOnly } from '../fhir-read-only.ts'
import type { FhirContext, FhirResourceType, StoredResource } from '../fhir-resource-type.ts'
import { fhirBadCursor } from '../fhir-errors.ts'
import { accessLogRowId, auditEventId } from './audit-event-id.ts'
import { accessLogToAuditEvent, type AccessLogRow } from './audit-event.mapping.ts'
import { findAccessLogRow, searchAccessLog } from './audit-event.repository.ts'

function stored(row: AccessLogRow, context: FhirContext): StoredResource<AuditEvent> {
  return { resource: accessLogToAuditEvent(row, context.portalBaseUrl), id: auditEventId(row.id), version: 1, clientId: row.client_id }
}

/** AuditEvent ← the NEN 7513 access log: read-only, the log is append-only. */
export const auditEventType: FhirResourceType<AuditEvent> = {
  resourceType: 'AuditEvent',
  dataKind: 'access_log',
  searchParams: ['patient'],
  writes: [],

  async read(db, context, id) {
    const rowId = accessLogRowId(id)
    const row = rowId ? await findAccessLogRow(db, rowId) : undefined
    return row && stored(row, context)
  },

  async findByEcdId() {
    return undefined
  },

  async search(db, context, query) {
    if (query.identifier) return []
    // A next-page cursor names the last event's id: back to its row number for the log's own order.
    const lastUpdated = query.lastUpdated.map((f) => {
      if (f.afterId === undefined) return f
      const afterId = accessLogRowId(f.afterId)
      if (!afterId) throw fhirBadCursor()
      return { ...f, afterId }
    })
    return (await searchAccessLog(db, { ...query, lastUpdated }, context.caller.id)).map((row) => stored(row, context))
  },

  save() {
    return readOnly('AuditEvent')
  },
}
