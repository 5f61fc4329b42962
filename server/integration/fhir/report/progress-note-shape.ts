/**
 * The plain progress note an ECD sends by the thousand, recognised in microseconds instead of the
 * 100–300 µs Medplum's validator takes per Observation (it walks every element Observation
 * defines). Only a strict subset of valid FHIR R4 passes: each element listed here, each value
 * with the same format check Medplum applies (its regular expressions, non-blank strings at most
 * 1 MB), the references narrowed to the portal's own `Patient/<id>` and `Practitioner/<id>`, no
 * other key, no empty object or array, no `_element` and no null. Anything else, valid or not,
 * goes to Medplum's validator as before, so an error is always Medplum's own answer.
 * progress-note-shape.test.ts checks that what passes here also passes Medplum.
 */

/** Medplum 4's format checks (`validateString`), copied for the types used here. */
const FHIR_STRING = /^[\r\n\t\u0020-\uFFFF]+$/
const FHIR_URI = /^\S*$/
const FHIR_CODE = /^[^\s]+( [^\s]+)*$/
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/
/** A full date and time with seconds and zone: a strict subset of FHIR's dateTime (year 1000 on). */
const DATE_TIME = /^[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[1-2]\d|3[0-1])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/
const PATIENT_REFERENCE = /^Patient\/[A-Za-z0-9\-.]{1,64}$/
const PRACTITIONER_REFERENCE = /^Practitioner\/[A-Za-z0-9\-.]{1,64}$/
const STRING_MAX = 1024 * 1024
/** Observation.status (a required binding, stricter here than Medplum, which does not check bindings). */
const STATUS = new Set(['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'])

type Check = (value: unknown) => boolean

const isString = (pattern: RegExp = FHIR_STRING): Check => (value) =>
  typeof value === 'string' && value.length <= STRING_MAX && value.trim() !== '' && pattern.test(value)

/** An object with at least one of these keys and no other, each value passing its check. */
const object = (fields: Record<string, Check>, required: readonly string[] = []): Check => (value) => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const keys = Object.keys(value)
  if (keys.length === 0 || required.some((key) => !keys.includes(key))) return false
  return keys.every((key) => Object.hasOwn(fields, key) && fields[key]!((value as Record<string, unknown>)[key]))
}

const nonEmptyArray = (item: Check): Check => (value) => Array.isArray(value) && value.length > 0 && value.every(item)

const extension = object({
  url: isString(FHIR_URI),
  valueBoolean: (value) => typeof value === 'boolean',
  valueReference: object({ display: isString() }),
}, ['url'])

const progressNote = object({
  resourceType: (value) => value === 'Observation',
  id: isString(FHIR_ID),
  // Exactly one value per extension (FHIR's ext-1: a value or nested extensions, not both, not neither).
  extension: nonEmptyArray((value) => extension(value) && Object.keys(value as object).length === 2),
  identifier: nonEmptyArray(object({ system: isString(FHIR_URI), value: isString() })),
  status: (value) => typeof value === 'string' && STATUS.has(value),
  code: object({
    coding: nonEmptyArray(object({ system: isString(FHIR_URI), code: isString(FHIR_CODE), display: isString() })),
    text: isString(),
  }),
  subject: object({ reference: isString(PATIENT_REFERENCE), display: isString() }),
  effectiveDateTime: isString(DATE_TIME),
  performer: nonEmptyArray(object({ reference: isString(PRACTITIONER_REFERENCE), display: isString() })),
  valueString: isString(),
}, ['resourceType', 'status', 'code'])

/** Whether `resource` is a progress note of the plain shape above (and so valid FHIR R4 without asking Medplum). */
export function isPlainProgressNote(resource: unknown): boolean {
  return progressNote(resource)
}
