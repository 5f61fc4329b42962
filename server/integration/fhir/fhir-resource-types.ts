import type { FhirResourceType } from './fhir-resource-type.ts'
import { notFound } from '../../platform/errors.ts'
import { patientType } from './patient/patient.resource.ts'
import { organizationType } from './organization/organization.resource.ts'
import { practitionerType } from './practitioner/practitioner.resource.ts'
import { careTeamType } from './care-team/care-team.resource.ts'
import { practitionerRoleType } from './practitioner-role/practitioner-role.resource.ts'
import { relatedPersonType } from './related-person/related-person.resource.ts'
import { appointmentType } from './appointment/appointment.resource.ts'
import { auditEventType } from './audit-event/audit-event.resource.ts'
import { communicationType } from './communication/communication.resource.ts'
import { consentType } from './consent/consent.resource.ts'
import { documentReferenceType } from './document-reference/document-reference.resource.ts'
import { reportType } from './report/report.resource.ts'

/** Every resource type the API serves: add a new one here (and nowhere else) once it maps. */
export const FHIR_RESOURCE_TYPES: readonly FhirResourceType[] = [
  patientType as FhirResourceType,
  // Who gives the care: teams, staff and each client's care team.
  organizationType as FhirResourceType,
  practitionerType as FhirResourceType,
  practitionerRoleType as FhirResourceType,
  careTeamType as FhirResourceType,
  relatedPersonType as FhirResourceType,
  // The record (reports, prints, appointments, messages, consents, access log).
  reportType as FhirResourceType,
  documentReferenceType as FhirResourceType,
  appointmentType as FhirResourceType,
  communicationType as FhirResourceType,
  consentType as FhirResourceType,
  auditEventType as FhirResourceType,
]

const byName = new Map(FHIR_RESOURCE_TYPES.map((type) => [type.resourceType as string, type]))

/** The type named in a URL or Bundle entry; 404 for a type the API does not serve. */
export function resourceTypeNamed(name: string): FhirResourceType {
  const type = byName.get(name)
  if (!type) throw notFound(`resource type ${name.slice(0, 40)}`)
  return type
}
