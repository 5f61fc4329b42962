import type { Practitioner } from '@medplum/fhirtypes'
import { unprocessable } from '../fhir-errors.ts'
import type { FhirResourceType } from '../fhir-resource-type.ts'
import { rowReads } from '../fhir-row-reads.ts'
import { practitionerToColumns, type StaffRow, staffRowToPractitioner } from './practitioner.mapping.ts'
import { findStaffByEcdId, findStaffById, insertStaff, searchStaff, updateStaff } from './practitioner.repository.ts'

const { stored, ...reads } = rowReads<Practitioner, StaffRow>(
  { findById: findStaffById, findByEcdId: findStaffByEcdId, search: (db, { query, ecdId }) => searchStaff(db, query, ecdId) },
  (row, context) => staffRowToPractitioner(row, context.caller.identifierSystem),
  () => null,
)

/** Practitioner → staff member (name and its parts, discipline, BIG/UZI/URA numbers). */
export const practitionerType: FhirResourceType<Practitioner> = {
  resourceType: 'Practitioner',
  dataKind: 'staff_member',
  searchParams: ['identifier'],
  ...reads,
  save: async (db, context, practitioner, ecdId, existing) => {
    if (!ecdId) throw unprocessable('Practitioner.identifier', `a Practitioner needs the ECD's own identifier (system ${context.caller.identifierSystem})`)
    const columns = practitionerToColumns(practitioner)
    if (existing) {
      const current = (await findStaffById(db, existing.id))!
      if (current.ecd_id === ecdId && Object.entries(columns).every(([key, value]) => current[key as keyof typeof columns] === value)) return { stored: stored(current, context), changed: false }
      return { stored: stored(await updateStaff(db, existing.id, { ...columns, ecd_id: ecdId, updated_at: context.now }), context), changed: true }
    }
    return { stored: stored(await insertStaff(db, { ...columns, ecd_id: ecdId, created_at: context.now, updated_at: context.now }), context), changed: true }
  },
}
