import type { Practitioner } from '@medplum/fhirtypes'
import { unprocessable } from '../fhir-errors.ts'
import type { FhirContext, FhirResourceType, StoredResource } from '../fhir-resource-type.ts'
import { practitionerToColumns, type StaffRow, staffRowToPractitioner } from './practitioner.mapping.ts'
import { findStaffByEcdId, findStaffById, insertStaff, searchStaff, updateStaff } from './practitioner.repository.ts'

function stored(row: StaffRow, context: FhirContext): StoredResource<Practitioner> {
  return { resource: staffRowToPractitioner(row, context.caller.identifierSystem), id: row.id, version: row.version, clientId: null }
}

/** Practitioner → staff member (name and discipline). */
export const practitionerType: FhirResourceType<Practitioner> = {
  resourceType: 'Practitioner',
  dataKind: 'staff_member',
  searchParams: ['identifier'],
  read: async (db, context, id) => {
    const row = await findStaffById(db, id)
    return row && stored(row, context)
  },
  findByEcdId: async (db, context, ecdId) => {
    const row = await findStaffByEcdId(db, ecdId)
    return row && stored(row, context)
  },
  search: async (db, context, query) => {
    if (query.identifier && query.identifier.system !== context.caller.identifierSystem) return []
    return (await searchStaff(db, query, query.identifier?.value)).map((row) => stored(row, context))
  },
  save: async (db, context, practitioner, ecdId, existing) => {
    if (!ecdId) throw unprocessable('Practitioner.identifier', `a Practitioner needs the ECD's own identifier (system ${context.caller.identifierSystem})`)
    const columns = practitionerToColumns(practitioner)
    if (existing) {
      const current = (await findStaffById(db, existing.id))!
      if (current.name === columns.name && current.discipline === columns.discipline && current.ecd_id === ecdId) return { stored: stored(current, context), changed: false }
      return { stored: stored(await updateStaff(db, existing.id, { ...columns, ecd_id: ecdId, updated_at: context.now }), context), changed: true }
    }
    return { stored: stored(await insertStaff(db, { ...columns, ecd_id: ecdId, created_at: context.now, updated_at: context.now }), context), changed: true }
  },
}
