import { isUuid } from '../../../shared/schemas/common.ts'
import { AppError } from '../../platform/errors.ts'
import { decodeCursor } from '../../platform/http/keyset-cursor.ts'
import type { LastUpdated, SearchQuery } from './fhir-resource-type.ts'
import { BSN_SYSTEM, isBsnSystem } from './bsn-system.ts'
import { fhirBadCursor, fhirBadRequest } from './fhir-errors.ts'

const DEFAULT_COUNT = 50
const MAX_COUNT = 500
// A FHIR date or dateTime to the year, month, day, minute, second or fraction; a missing zone is read as UTC.
const DATE_TIME = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/
const PREFIX: Record<string, LastUpdated['op']> = { gt: '>', ge: '>=', lt: '<', le: '<=', sa: '>', eb: '<' }
const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json', 'application/json+fhir'])
const TOTALS = new Set(['none', 'estimate', 'accurate'])
// `_sort` values that are the order results always have (last change, then id).
const NATURAL_SORT = new Set(['_lastUpdated'])

type Raw = Record<string, string | string[] | undefined>

const values = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])

/**
 * Reads the search parameters of a type. `url` is the query string, `body` the form body of a
 * POST `_search`; as FHIR says, both apply (their values are joined). A BSN may only travel in
 * the body: any URL parameter whose value names the BSN system, in any spelling (`isBsnSystem`),
 * is refused before anything is searched, strict or not.
 *
 * Unknown parameters (and `_sort` or `_summary` values the server does not do) are left out and
 * not named in the `self` link, as R4 says a server does; with `Prefer: handling=strict` they are
 * refused (400) instead (docs/decisions/fhir-leniency.md). A bad value of a known parameter is
 * always refused: a filter misread would return more than the ECD asked for.
 */
export function parseSearchQuery(sources: { url: Raw; body?: Raw }, supported: readonly string[], strict = false): SearchQuery {
  refuseBsnInUrl(sources.url)
  const merged = new Map<string, string[]>()
  for (const raw of [sources.url, sources.body ?? {}]) {
    for (const [name, value] of Object.entries(raw)) merged.set(name, [...(merged.get(name) ?? []), ...values(value)])
  }
  const inUrl = new Set(Object.keys(sources.url))
  const query: SearchQuery = { lastUpdated: [], count: DEFAULT_COUNT, applied: [] }
  const ignore = (name: string, what = `search parameter not supported: ${echoName(name)}`) => {
    if (strict) throw fhirBadRequest(what, echoName(name))
  }
  // Only URL parameters go in the self link: a form body's (perhaps a BSN) never moves into a URL.
  const apply = (name: string, list: string[]) => {
    if (inUrl.has(name)) for (const value of values(sources.url[name])) query.applied.push([name, value])
    return list
  }
  for (const [name, list] of merged) {
    if (name === '_lastUpdated') {
      query.lastUpdated.push(...apply(name, list).flatMap(parseLastUpdated))
    } else if (name === '_cursor') {
      query.lastUpdated.push(parseCursor(single(apply(name, list), name)))
    } else if (name === '_count') {
      const count = Number(single(list, name))
      if (!Number.isInteger(count) || count < 0) throw fhirBadRequest('_count must be a whole number, 0 or more', '_count')
      apply(name, list)
      if (count === 0) query.countOnly = true
      else query.count = Math.min(count, MAX_COUNT)
    } else if (name === '_id') {
      const ids = apply(name, list).flatMap((v) => v.split(','))
      if (ids.length > MAX_COUNT || ids.some((id) => !/^[A-Za-z0-9.-]{1,64}$/.test(id))) throw fhirBadRequest('_id must be ids', '_id')
      query.ids = ids
    } else if (name === '_summary') {
      const summary = single(list, name)
      if (summary === 'count') query.countOnly = true
      // The portal's resources carry no narrative: `data` and `false` are the full resource.
      else if (summary !== 'false' && summary !== 'data') {
        ignore(name, '_summary supports count, data and false')
        continue
      }
      apply(name, list)
    } else if (name === '_total') {
      const total = single(list, name)
      if (!TOTALS.has(total)) throw fhirBadRequest('_total is none, estimate or accurate', '_total')
      query.total = total as NonNullable<SearchQuery['total']>
      apply(name, list)
    } else if (name === '_elements') {
      const elements = list.flatMap((v) => v.split(',')).map((e) => e.trim()).filter(Boolean)
      if (elements.some((e) => !/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(e))) throw fhirBadRequest('_elements names top-level elements', '_elements')
      query.elements = elements
      apply(name, list)
    } else if (name === '_sort') {
      // Results come in order of last change: asking for that order is honoured, any other ignored.
      if (list.every((v) => v.split(',').every((key) => NATURAL_SORT.has(key)))) apply(name, list)
      else ignore(name, 'only _sort=_lastUpdated is supported')
    } else if (name === '_format') {
      // Always JSON; asking for JSON is fine, XML is not served.
      if (list.every((v) => JSON_FORMATS.has(v.toLowerCase().split(';')[0]!.trim()))) apply(name, list)
      else ignore(name, 'only JSON is served')
    } else if ((name === 'patient' || name === 'subject') && supported.includes('patient')) {
      const id = single(apply(name, list), name).replace(/^Patient\//, '')
      if (!isUuid(id)) throw fhirBadRequest('patient must be a Patient id', name)
      query.patient = id
    } else if (name === 'identifier' && supported.includes('identifier')) {
      // No system (`value` or `|value`) is refused too, so a bare nine-digit number is never
      // looked up as anything: there is no search "by any identifier".
      const [system, ...rest] = single(apply(name, list), name).split('|')
      if (!system || rest.length !== 1 || !rest[0]) throw fhirBadRequest('identifier must be <system>|<value>', name)
      // The body may spell the BSN system loosely too; it is searched as the BSN.
      query.identifier = { system: isBsnSystem(system) ? BSN_SYSTEM : system, value: rest[0] }
    } else {
      ignore(name)
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

/**
 * One `_lastUpdated` value. Without a prefix (or with `eq`) it is the whole period its precision
 * names: `2026-01-01` is that day, `2026-01-01T10:00` that minute. With gt, ge, lt, le (sa, eb)
 * it compares with the start of that period.
 */
function parseLastUpdated(value: string): LastUpdated[] {
  const prefix = /^[a-z]{2}/.test(value) ? value.slice(0, 2) : 'eq'
  const text = /^[a-z]{2}/.test(value) ? value.slice(2) : value
  const op = PREFIX[prefix]
  const period = periodOf(text)
  if ((!op && prefix !== 'eq') || !period) throw fhirBadRequest('_lastUpdated needs a date-time, with eq, gt, ge, lt, le, sa or eb', '_lastUpdated')
  return op ? [{ op, at: period.start }] : [{ op: '>=', at: period.start }, { op: '<', at: period.end }]
}

function periodOf(text: string): { start: Date; end: Date } | undefined {
  const m = DATE_TIME.exec(text)
  if (!m) return undefined
  const [, year, month, day, hour, minute, second, fraction, zone] = m
  const zoneText = zone ?? 'Z'
  const startText = `${year}-${month ?? '01'}-${day ?? '01'}T${hour ?? '00'}:${minute ?? '00'}:${second ?? '00'}${fraction ?? ''}${zoneText}`
  const start = new Date(startText)
  if (Number.isNaN(start.getTime())) return undefined
  const end = new Date(start)
  if (fraction) end.setTime(start.getTime() + 1)
  else if (second) end.setTime(start.getTime() + 1000)
  else if (minute) end.setTime(start.getTime() + 60_000)
  else if (day) end.setUTCDate(end.getUTCDate() + 1)
  else if (month) end.setUTCMonth(end.getUTCMonth() + 1)
  else end.setUTCFullYear(end.getUTCFullYear() + 1)
  // A date with a day that does not exist (2026-02-30) rolls over in Date: refused.
  if (day && new Date(`${year}-${month}-${day}T00:00:00Z`).getUTCDate() !== Number(day)) return undefined
  return { start, end }
}

/**
 * `If-None-Exist: identifier=<system>|<value>` (any search of the type): read strictly, since a
 * criterion ignored would match more and skip a create that was meant; a BSN is refused as in a URL.
 */
export function conditionalCreate(header: string | string[] | undefined, supported: readonly string[]): SearchQuery | undefined {
  if (header === undefined) return undefined
  if (Array.isArray(header) || header.length > 1000) throw fhirBadRequest('If-None-Exist once, a search', 'If-None-Exist')
  const raw: Record<string, string[]> = {}
  for (const [name, value] of new URLSearchParams(header.replace(/^[A-Za-z]+\?/, ''))) (raw[name] ??= []).push(value)
  if (Object.keys(raw).length === 0) throw fhirBadRequest('If-None-Exist needs search parameters', 'If-None-Exist')
  return parseSearchQuery({ url: raw }, supported, true)
}
