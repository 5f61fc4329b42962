import type { Patient, Practitioner, Reference } from '@medplum/fhirtypes'
import type { Db } from '../../platform/db/database.ts'
import { unprocessable } from './fhir-errors.ts'
import { clientExists, findStaffMember } from './fhir-references.repository.ts'

/** The portal id in `Type/<id>`, or undefined for another type or a reference without one. */
export function referencedId(reference: Reference | undefined, type: string): string | undefined {
  const match = /^([A-Za-z]+)\/([0-9a-f-]{36})$/i.exec(reference?.reference ?? '')
  return match && match[1] === type ? match[2]!.toLowerCase() : undefined
}

const UNKNOWN_CLIENT = 'must refer to a known client as Patient/<id> (send the Patient first, or in the same transaction)'
const UNKNOWN_STAFF_MEMBER = 'must refer to a known staff member as Practitioner/<id>'

/** The client a record resource belongs to: `Patient/<portal id>` of a known client, else 422. */
export async function requireClient(db: Db, reference: Reference | undefined, expression: string): Promise<string> {
  const id = referencedId(reference, 'Patient')
  if (!id || !(await clientExists(db, id))) throw unprocessable(expression, UNKNOWN_CLIENT)
  return id
}

/** requireClient against clients already looked up (`known`: existingClientIds of a whole Bundle). */
export function requireKnownClient(known: ReadonlySet<string>, reference: Reference | undefined, expression: string): string {
  const id = referencedId(reference, 'Patient')
  if (!id || !known.has(id)) throw unprocessable(expression, UNKNOWN_CLIENT)
  return id
}

/** A staff member named as `Practitioner/<portal id>`: undefined when none is given, 422 when unknown. */
export async function optionalStaffMember(db: Db, reference: Reference | undefined, expression: string) {
  if (!reference) return undefined
  const id = referencedId(reference, 'Practitioner')
  const staff = id ? await findStaffMember(db, id) : undefined
  if (!staff) throw unprocessable(expression, UNKNOWN_STAFF_MEMBER)
  return staff
}

/** optionalStaffMember against staff members already looked up (`known`: findStaffMembers of a whole Bundle). */
export function optionalKnownStaffMember<S>(known: ReadonlyMap<string, S>, reference: Reference | undefined, expression: string): S | undefined {
  if (!reference) return undefined
  const id = referencedId(reference, 'Practitioner')
  const staff = id ? known.get(id) : undefined
  if (!staff) throw unprocessable(expression, UNKNOWN_STAFF_MEMBER)
  return staff
}

export const patientReference = (clientId: string): Reference<Patient> => ({ reference: `Patient/${clientId}` })
export const practitionerReference = (staffId: string, name?: string | null): Reference<Practitioner> => ({ reference: `Practitioner/${staffId}`, ...(name ? { display: name } : {}) })
