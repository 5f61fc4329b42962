import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes'
import { BSN_SYSTEM } from './bsn-system.ts'
import { notKept } from './fhir-errors.ts'

/**
 * Nothing lost silently: what was sent and is not in the resource as the portal now serves it.
 * Every leaf value sent is looked for at the same element path (array positions aside) in the
 * stored resource; the paths of those not found come back as OperationOutcome warnings. Paths
 * only, never values (a warning may end up in the ECD's log).
 */
export function notKeptElements(sent: Resource, stored: Resource): OperationOutcomeIssue[] {
  const kept = new Set<string>()
  for (const [path, value] of leaves(stored, stored.resourceType)) kept.add(`${path}=${value}`)
  const sentLeaves = leaves(sent, sent.resourceType)
  const missing = new Set<string>()
  const present = new Set<string>()
  for (const [path, value] of sentLeaves) {
    if (kept.has(`${path}=${value}`)) present.add(path)
    else missing.add(path)
  }
  // One warning for a whole element none of whose parts was kept (`Patient.contact`), else per part.
  const wholly = (element: string) => ![...present].some((p) => p === element || p.startsWith(`${element}.`))
  const reported = new Set<string>()
  for (const path of missing) {
    let element = path
    for (let parent = parentOf(element); parent.includes('.') && wholly(parent); parent = parentOf(parent)) element = parent
    reported.add(element)
  }
  return [...reported].map((path) => notKept(path, 'sent but not kept by the portal (or kept in another form); see docs/integration-api.md for what each resource keeps'))
}

const parentOf = (path: string) => path.slice(0, path.lastIndexOf('.'))

/** Elements that are the server's own (id, versions, narrative) or kept where they are not served (the BSN). */
const SKIPPED = new Set(['id', 'meta', 'text', 'resourceType', 'contained'])

/** [path without array positions, normalised value] of every primitive in a resource. */
function leaves(value: unknown, path: string, found: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) {
    for (const inner of value) leaves(inner, path, found)
  } else if (value && typeof value === 'object') {
    // The BSN is stored (encrypted) and by design never served again.
    if ((value as { system?: unknown }).system === BSN_SYSTEM) return found
    // A reference is rewritten to the portal's own Type/id (from urn:uuid, conditional or logical).
    const isReference = 'reference' in value || ('identifier' in value && 'type' in value)
    for (const [key, inner] of Object.entries(value)) {
      if (path.indexOf('.') === -1 && SKIPPED.has(key)) continue
      if (isReference && (key === 'reference' || key === 'type' || key === 'identifier')) continue
      leaves(inner, `${path}.${key}`, found)
    }
  } else if (value !== null && value !== undefined) {
    found.push([path, normalised(value)])
  }
  return found
}

/** One spelling per value: an instant in any time zone as UTC, numbers and booleans as text. */
function normalised(value: unknown): string {
  const text = String(value)
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) {
    const at = Date.parse(text)
    if (!Number.isNaN(at)) return new Date(at).toISOString()
  }
  return text
}
