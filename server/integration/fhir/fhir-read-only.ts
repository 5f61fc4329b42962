import { FhirError, issue } from './fhir-errors.ts'

/** The `save` of a type the ECD reads but never writes (the portal is its source): 501. */
export function readOnly(resourceType: string): never {
  throw new FhirError('not_implemented', [issue('not-supported', resourceType, `${resourceType} is read-only: the portal is its source`)], 'read-only type')
}
