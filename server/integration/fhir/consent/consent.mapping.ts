import type { Consent } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { ConsentTable } from '../../../record/links/link.table.ts'
import { patientReference } from '../fhir-references.ts'

export type ConsentRow = Omit<Selectable<ConsentTable>, 'form_pdf' | 'invitation_id'>

/** LOINC 59284-0 "Patient Consent", scope patient-privacy: consent to share the record through the portal. */
const CONSENT_CATEGORY = { system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' } as const
const PRIVACY_SCOPE = { system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' } as const
/** Who gave it: the client, or their legal representative (v3 RoleCode). */
const GIVER_ROLE: Record<ConsentRow['given_by'], { code: string; display: string }> = {
  client: { code: 'SELF', display: 'self' },
  legal_representative: { code: 'LGLREP', display: 'legal representative' },
}

/** Consent row → Consent: active until withdrawn; the signed form stays in the portal. */
export function consentRowToFhir(row: ConsentRow): Consent {
  return {
    resourceType: 'Consent',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString() },
    status: row.withdrawn_at ? 'inactive' : 'active',
    scope: { coding: [{ ...PRIVACY_SCOPE }] },
    category: [{ coding: [{ ...CONSENT_CATEGORY }], text: row.scope }],
    patient: patientReference(row.client_id),
    dateTime: row.given_on,
    performer: [{ display: row.given_by_name }],
    policyRule: { text: row.scope },
    provision: {
      type: 'permit',
      period: { start: row.given_on, ...(row.withdrawn_at ? { end: row.withdrawn_at.toISOString() } : {}) },
      actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', ...GIVER_ROLE[row.given_by] }] }, reference: { display: row.given_by_name } }],
    },
  }
}
