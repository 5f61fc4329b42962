import { isUuid } from '../../../shared/schemas/common.ts'
import { AppError } from '../../platform/errors.ts'
import { decodeCursor } from '../../platform/http/keyset-cursor.ts'
import type { LastUpdated, SearchQuery } from './fhir-resource-type.ts'
import { BSN_SYSTEM, isBsnSystem } from './bsn-system.ts'
import { fhirBadCursor, fhirBadRequest } from './fhir-errors.ts'

const DEFAULT_COUNT = 50
const MAX_COUNT = 500
// FHIR dateTime to at least the day; a missing zone is read as UTC.
const INSTANT = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/
const PREFIX: Record<string, LastUpdated['op']> = { gt: '>', ge: '>=', lt: '<', le: '<=' }

type Raw = Record<string, string | string[] | undefined>

const values = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])

/**
 * Reads the search parameters a type supports; any other parameter is refused (400), as a
 * silently ignored filter would return more than the ECD asked for. `url` is the query string,
 * `body` the form body of a POST `_search`; as FHIR says, both apply (their values are joined).
 * A BSN may only travel in the body: any URL parameter whose value names the BSN system, in any
 * spelling (`isBsnSystem`), is refused before anything is searched.
 */
export function parseSearchQuery(sources: { url: Raw; body?: Raw }, supported: readonly string[]): SearchQuery {
  refuseBsnInUrl(sources.url)
  const merged = new Map<string, string[]>()
  for (const raw of [sources.url, sources.body ?? {}]) {
    for (const [name, value] of Object.entries(raw)) merged.set(name, [...(merged.get(name) ?? []), ...values(value)])
  }
  const query: SearchQuery = { lastUpdated: [], count: DEFAULT_COUNT }
  for (const [name, list] of merged) {
    if (name === '_lastUpdated') {
      query.lastUpdated.push(...list.map(parseLastUpdated))
    } else if (name === '_cursor') {
      query.lastUpdated.push(parseCursor(single(list, name)))
    } else if (name === '_count') {
      const count = Number(list[0])
      if (list.length !== 1 || !Number.isInteger(count) || count < 1) throw fhirBadRequest('_count must be a positive whole number', '_count')
      query.count = Math.min(count, MAX_COUNT)
    } else if ((name === 'patient' || name === 'subject') && supported.includes('patient')) {
      const id = single(list, name).replace(/^Patient\//, '')
      if (!isUuid(id)) throw fhirBadRequest('patient must be a Patient id', name)
      query.patient = id
    } else if (name === 'identifier' && supported.includes('identifier')) {
      // No system (`value` or `|value`) is refused too, so a bare nine-digit number is never
      // looked up as anything: there is no search "by any identifier".
      const [system, ...rest] = single(list, name).split('|')
      if (!system || rest.length !== 1 || !rest[0]) throw fhirBadRequest('identifier must be <system>|<value>', name)
      // The body may spell the BSN system loosely too; it is searched as the BSN.
      query.identifier = { system: isBsnSystem(system) ? BSN_SYSTEM : system, value: rest[0] }
    } else {
      throw fhirBadRequest(`search parameter not supported: ${echoName(name)}`, echoName(name))
    }
  }
  return query
}

/**
 * No BSN in a URL (security property 22): a URL ends up in proxy and server logs and in browser
 * history. Every value of every parameter is looked at, each part of a comma-separated list
 * (FHIR's "or"), not only `identifier`: `subject:identifier=` and the like are refused for
 * being unsupported anyway, but should not even get that far with a BSN in them.
 */
function refuseBsnInUrl(url: Raw): void {
  for (const [name, value] of Object.entries(url)) {
    for (const part of values(value).flatMap((v) => v.split(','))) {
      if (isBsnSystem(part.split('|')[0]!)) throw fhirBadRequest('a BSN is never sent in a URL: use POST _search with a form body', echoName(name))
    }
  }
}

/** A parameter name as it may be echoed in an OperationOutcome: letters and FHIR's punctuation only, never a value. */
function echoName(name: string): string {
  return /^[A-Za-z_][A-Za-z_:.-]{0,39}$/.test(name) ? name : 'parameter'
}

/** The `_cursor` of a next-page link (the last row's lastUpdated and id), as every cursor is read. */
function parseCursor(cursor: string): LastUpdated {
  try {
    const position = decodeCursor(cursor)
    return { op: '>', at: new Date(position.at), afterId: position.id }
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') throw fhirBadCursor()
    throw error
  }
}

function single(list: string[], name: string): string {
  if (list.length !== 1) throw fhirBadRequest(`${name} may be given once`, name)
  return list[0]!
}

function parseLastUpdated(value: string): LastUpdated {
  const prefix = value.slice(0, 2)
  const op = PREFIX[prefix]
  const match = INSTANT.exec(op ? value.slice(2) : value)
  if (!op || !match) throw fhirBadRequest('_lastUpdated needs gt, ge, lt or le and a date-time', '_lastUpdated')
  const text = match[2] ? (match[5] ? value.slice(2) : `${value.slice(2)}Z`) : `${match[1]}T00:00:00Z`
  const at = new Date(text)
  if (Number.isNaN(at.getTime())) throw fhirBadRequest('_lastUpdated date-time not valid', '_lastUpdated')
  return { op, at }
}
