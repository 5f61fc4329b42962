import { AppError } from '../../platform/errors.ts'
import { FhirError, refusalOf } from './fhir-errors.ts'

/** Errors of one entry of a transaction Bundle name the entry, so the ECD knows which one failed. */
export async function withEntryPath<T>(index: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw atEntry(index, error)
  }
}

/** withEntryPath for work that needs no database. */
export function withPathSync<T>(index: number, work: () => T): T {
  try {
    return work()
  } catch (error) {
    throw atEntry(index, error)
  }
}

/** Any refusal (a rule, a stale If-Match, a unique index of the database) names its entry; a server failure stays one. */
function atEntry(index: number, error: unknown): unknown {
  const refusal = refusalOf(error)
  if (!refusal) return error
  const issues = refusal.issues.map((i) => ({ ...i, expression: [`Bundle.entry[${index}]${i.expression?.[0] ? `.resource(${i.expression[0]})` : ''}`] }))
  return new FhirError(refusal.code, issues, error instanceof AppError ? error.detail : `database refused entry ${index}`)
}
