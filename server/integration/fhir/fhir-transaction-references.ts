import { fhirBadRequest } from './fhir-errors.ts'

/**
 * References between the entries of a transaction Bundle (R4 §3.1.0.4 "Resolving references in
 * Bundles"). An entry's `fullUrl` is a `urn:uuid:` or an absolute RESTful URL
 * (`https://ecd.example/fhir/Patient/123`). A reference names another entry by its fullUrl, or,
 * inside an entry with an absolute fullUrl, relatively (`Patient/123` against the same base).
 */
export interface ReferringEntry {
  index: number
  resource: unknown
  fullUrl: string | undefined
}

const RELATIVE = /^[A-Z][A-Za-z]{1,40}\/[A-Za-z0-9.-]{1,64}$/
const RESTFUL = /^(https?:\/\/.+\/)[A-Z][A-Za-z]{1,40}\/[A-Za-z0-9.-]{1,64}$/

/** A fullUrl other entries can refer to: a `urn:uuid:` or an absolute RESTful URL; others are not kept. */
export function referableFullUrl(fullUrl: string | undefined): string | undefined {
  if (!fullUrl) return undefined
  return fullUrl.startsWith('urn:uuid:') || RESTFUL.test(fullUrl) ? fullUrl : undefined
}

/** The fullUrl a reference in the entry with `entryFullUrl` means, if it can mean one. */
export function referenceKey(reference: string, entryFullUrl: string | undefined): string {
  if (RELATIVE.test(reference) && entryFullUrl) {
    const base = RESTFUL.exec(entryFullUrl)?.[1]
    if (base) return `${base}${reference}`
  }
  return reference
}

/** Entries another entry refers to are written first (a cycle is refused). */
export function writeOrder<E extends ReferringEntry>(entries: E[]): E[] {
  const byUrl = new Map(entries.filter((e) => e.fullUrl).map((e) => [e.fullUrl!, e]))
  const ordered: E[] = []
  const state = new Map<number, 'visiting' | 'done'>()
  const visit = (entry: E) => {
    if (state.get(entry.index) === 'done') return
    if (state.get(entry.index) === 'visiting') throw fhirBadRequest('entries refer to each other in a circle', `Bundle.entry[${entry.index}]`)
    state.set(entry.index, 'visiting')
    for (const reference of referencesIn(entry.resource)) {
      const target = byUrl.get(referenceKey(reference, entry.fullUrl))
      if (target && target !== entry) visit(target)
    }
    state.set(entry.index, 'done')
    ordered.push(entry)
  }
  entries.forEach(visit)
  return ordered
}

/** The fullUrls the entries' references point at (each read against its own entry's fullUrl). */
export function referredFullUrls(entries: readonly ReferringEntry[]): Set<string> {
  return new Set(entries.flatMap((entry) => referencesIn(entry.resource).map((reference) => referenceKey(reference, entry.fullUrl))))
}

function referencesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => referencesIn(v, found))
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'reference' && typeof inner === 'string') found.push(inner)
      else referencesIn(inner, found)
    }
  }
  return found
}

/** A copy of `value` with every `reference` to an entry already written pointing at its stored `Type/id`. */
export function replaceReferences(value: unknown, resolved: Map<string, string>, entryFullUrl: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => replaceReferences(v, resolved, entryFullUrl))
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === 'reference' && typeof inner === 'string' ? (resolved.get(referenceKey(inner, entryFullUrl)) ?? inner) : replaceReferences(inner, resolved, entryFullUrl),
    ]),
  )
}
