import type { Patient } from '@medplum/fhirtypes'
import { isDeepStrictEqual } from 'node:util'
import type { Db } from '../../../platform/db/database.ts'
import { unprocessable } from '../fhir-errors.ts'
import { rowReads } from '../fhir-row-reads.ts'
import { BSN_SYSTEM } from '../bsn-system.ts'
import { type ClientRow, clientRowToPatient, patientToColumns } from './patient.mapping.ts'
import { findClientByEcdId, findClientById, insertClient, type PatientRow, searchClients, updateClient } from './patient.repository.ts'
import { findBySourceIdentifier, sourceIdentifiersOf } from '../fhir-source-identifiers.ts'
import { type FhirContext, type FhirResourceType, integrationActor } from '../fhir-resource-type.ts'
import { closeClientAccess, type ClosureReason, reopenClientAccess } from '../../../record/clients/client-closure.service.ts'

// The BSN is not sent back: the ECD is its source, and what is never sent cannot leak.
const { stored, ...reads } = rowReads<Patient, PatientRow>(
  { findById: findClientById, findByEcdId: findClientByEcdId, search: searchClients },
  (row, context) => clientRowToPatient(row, context.caller.identifierSystem),
  (row) => row.id,
)

/** Patient (nl-core-Patient) ⇄ client. */
export const patientType: FhirResourceType<Patient> = {
  resourceType: 'Patient',
  dataKind: 'client_profile',
  searchParams: ['identifier'],

  ...reads,

  // Its own search: also by BSN, which is not the ECD's own identifier system.
  async search(db, context, query) {
    const { identifier } = query
    // Another source's identifier is found under its own system only.
    const source = identifier && identifier.system !== BSN_SYSTEM ? await findBySourceIdentifier(db, 'Patient', identifier.system, identifier.value) : undefined
    if (identifier && identifier.system !== BSN_SYSTEM && !source) {
      if (identifier.system !== context.caller.identifierSystem) return []
      // A row no source has named yet (written before identifiers had systems).
      const row = await findClientByEcdId(db, identifier.value)
      if (!row || (await sourceIdentifiersOf(db, 'Patient', [row.id])).length > 0) return []
    }
    if (source && query.patient !== undefined && query.patient !== source.rowId) return []
    const rows = await searchClients(db, {
      query: source ? { ...query, patient: source.rowId } : query,
      ...(identifier?.system === BSN_SYSTEM ? { bsnLookup: context.cipher.lookupHash(identifier.value) } : {}),
      ...(identifier && identifier.system !== BSN_SYSTEM && !source ? { ecdId: identifier.value } : {}),
    })
    return rows.map((row) => stored(row, context))
  },

  // The one documented rule across sources: the BSN names the person, whichever system numbers them.
  async matchAcrossSources(db, context, patient) {
    const bsn = patient.identifier?.find((i) => i.system === BSN_SYSTEM)?.value
    if (!bsn) return undefined
    const [row] = await searchClients(db, { bsnLookup: context.cipher.lookupHash(bsn), query: { lastUpdated: [], count: 1, applied: [] } })
    return row && stored(row, context)
  },

  async save(db, context, patient, ecdId, existing) {
    if (!ecdId) throw unprocessable('Patient.identifier', `a Patient needs the ECD's own identifier (system ${context.caller.identifierSystem})`)
    const { bsn, contacts, ...columns } = patientToColumns(patient)
    const bsnColumns = bsn === null ? {} : { bsn_lookup: context.cipher.lookupHash(bsn) }
    if (existing) {
      const current = (await findClientById(db, existing.id))!
      const sameBsn = bsn === null || (current.bsn_lookup !== null && current.bsn_lookup.equals(context.cipher.lookupHash(bsn)))
      const unchanged = sameBsn && current.ecd_id === ecdId && isDeepStrictEqual(current.contacts, contacts)
        && Object.entries(columns).every(([key, value]) => isDeepStrictEqual(current[key as keyof ClientRow], value))
      if (unchanged) return { stored: stored(current, context), changed: false }
      const closure = closureOf(columns)
      const row = await updateClient(db, existing.id, {
        ...columns, ...bsnColumns, ...(bsn === null || sameBsn ? {} : { bsn_encrypted: context.cipher.encrypt(bsn) }), ecd_id: ecdId, updated_at: context.now,
        closed_at: closure ? (current.closed_at ?? context.now) : null,
      }, contacts)
      await actOnClosure(db, context, row.id, closureOf(current), closure)
      return { stored: stored(row, context), changed: true }
    }
    const row = await insertClient(db, {
      ...columns, ...bsnColumns, ...(bsn === null ? {} : { bsn_encrypted: context.cipher.encrypt(bsn) }),
      ecd_id: ecdId, client_number: ecdId, created_at: context.now, updated_at: context.now, closed_at: closureOf(columns) ? context.now : null,
    }, contacts)
    return { stored: stored(row, context), changed: true }
  },
}

/** Why the client's portal access is closed, from what the ECD said; undefined while in care. */
function closureOf(client: { active: boolean; deceased: boolean }): ClosureReason | undefined {
  if (client.deceased) return 'client_deceased'
  return client.active ? undefined : 'client_left'
}

/**
 * A death or a departure ends the client's links at once and tells the administrators; a client
 * in care again is told to them too, as links do not come back by themselves
 * (docs/decisions/fhir-death-and-departure.md). A new client has no links to end.
 */
async function actOnClosure(db: Db, context: FhirContext, clientId: string, before: ClosureReason | undefined, after: ClosureReason | undefined) {
  if (before === after) return
  const closure = { actor: integrationActor(context.caller), source: context.source, now: context.now, portalUrl: new URL('/', context.portalBaseUrl).href }
  if (after) await closeClientAccess(db, clientId, after, closure)
  else await reopenClientAccess(db, closure)
}
