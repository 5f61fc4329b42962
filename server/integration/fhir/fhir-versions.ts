import { AppError } from '../../platform/errors.ts'
import type { StoredResource } from './fhir-resource-type.ts'

/**
 * Versions are a counter per row (meta.versionId), bumped by the database on every update;
 * the ETag is `W/"<version>"`, as FHIR's versioning uses it (docs/decisions/fhir-api.md).
 */
export function etagOf(version: number): string {
  return `W/"${version}"`
}

/** The version an `If-Match` header asks for, or undefined without one; 400 when unreadable. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim())
  if (!match) throw new AppError('bad_request', 'If-Match')
  return Number(match[1])
}

/** 412 when the client updates from a version that is no longer current (or of nothing at all). */
export function checkIfMatch(expected: number | undefined, existing: StoredResource | undefined): void {
  if (expected === undefined) return
  if (!existing || existing.version !== expected) throw new AppError('precondition_failed', 'stale If-Match')
}
