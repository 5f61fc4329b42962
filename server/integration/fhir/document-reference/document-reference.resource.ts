import type { DocumentReference } from '@medplum/fhirtypes'
import { isDeepStrictEqual } from 'node:util'
import { requireClient } from '../fhir-references.ts'
import type { FhirContext, FhirResourceType, StoredResource } from '../fhir-resource-type.ts'
import { documentToPrint, type PrintRow, type PrintSummaryRow, printToDocument } from './document-reference.mapping.ts'
import { findPrintByEcdId, findPrintById, insertEcdPrint, searchPrints, updateEcdPrint } from './document-reference.repository.ts'

function stored(row: PrintSummaryRow, context: FhirContext): StoredResource<DocumentReference> {
  return { resource: printToDocument(row, context.caller.identifierSystem), id: row.id, version: row.version, clientId: row.client_id }
}

/** DocumentReference (PDF attachments) ⇄ care-plan prints and their signature sheets. */
export const documentReferenceType: FhirResourceType<DocumentReference> = {
  resourceType: 'DocumentReference',
  dataKind: 'care_plan_print',
  searchParams: ['patient', 'identifier'],

  async read(db, context, id) {
    const row = await findPrintById(db, id)
    return row && stored(row, context)
  },

  async findByEcdId(db, context, ecdId) {
    const row = await findPrintByEcdId(db, ecdId)
    return row && stored(row, context)
  },

  async search(db, context, query) {
    if (query.identifier && query.identifier.system !== context.caller.identifierSystem) return []
    const rows = await searchPrints(db, { query, ...(query.identifier ? { ecdId: query.identifier.value } : {}) })
    return rows.map((row) => stored(row, context))
  },

  async save(db, context, document, ecdId, existing) {
    const input = await documentToPrint(document)
    const clientId = await requireClient(db, input.subject, 'DocumentReference.subject')
    const columns = { ...input.columns, client_id: clientId, ...(ecdId !== null ? { ecd_id: ecdId } : {}) }
    if (existing) {
      const current = (await findPrintById(db, existing.id))!
      if (Object.entries(columns).every(([key, value]) => isDeepStrictEqual(current[key as keyof PrintRow], value))) return { stored: stored(current, context), changed: false }
      return { stored: stored(await updateEcdPrint(db, existing.id, { ...columns, updated_at: context.now }), context), changed: true }
    }
    const row = await insertEcdPrint(db, { ...columns, ecd_id: ecdId, created_at: context.now, updated_at: context.now })
    return { stored: stored(row, context), changed: true }
  },
}
