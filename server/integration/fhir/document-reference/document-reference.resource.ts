import type { DocumentReference } from '@medplum/fhirtypes'
import { isDeepStrictEqual } from 'node:util'
import { requireClient } from '../fhir-references.ts'
import type { FhirResourceType } from '../fhir-resource-type.ts'
import { rowReads } from '../fhir-row-reads.ts'
import { documentToPrint, type PrintRow, type PrintSummaryRow, printToDocument } from './document-reference.mapping.ts'
import { findPrintByEcdId, findPrintById, insertEcdPrint, searchPrints, updateEcdPrint } from './document-reference.repository.ts'

const { stored, ...reads } = rowReads<DocumentReference, PrintSummaryRow>(
  { findById: findPrintById, findByEcdId: findPrintByEcdId, search: searchPrints },
  (row, context) => printToDocument(row, context.caller.identifierSystem),
  (row) => row.client_id,
)

/** DocumentReference (PDF attachments) ⇄ care-plan prints and their signature sheets. */
export const documentReferenceType: FhirResourceType<DocumentReference> = {
  resourceType: 'DocumentReference',
  dataKind: 'care_plan_print',
  searchParams: ['patient', 'identifier'],

  ...reads,

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
