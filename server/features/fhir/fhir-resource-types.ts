import type { FhirResourceType } from './fhir-resource-type.ts'
import { notFound } from '../../errors.ts'
import { patientType } from './patient/patient.resource.ts'

/** Every resource type the API serves: add a new one here (and nowhere else) once it maps. */
export const FHIR_RESOURCE_TYPES: readonly FhirResourceType[] = [patientType as FhirResourceType]

const byName = new Map(FHIR_RESOURCE_TYPES.map((type) => [type.resourceType as string, type]))

/** The type named in a URL or Bundle entry; 404 for a type the API does not serve. */
export function resourceTypeNamed(name: string): FhirResourceType {
  const type = byName.get(name)
  if (!type) throw notFound(`resource type ${name.slice(0, 40)}`)
  return type
}
