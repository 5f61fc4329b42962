import { createHash } from 'node:crypto'
import type pg from 'pg'

/**
 * At most this many named statements per connection; past it, new texts go unnamed (parsed and
 * planned each time, as without this module). The portal's queries are a few hundred shapes; a
 * shape whose text grows with its input (an `in (…)` list) is bounded by MAX_PARAMETERS below.
 */
export const MAX_PREPARED_PER_CONNECTION = 500
/** Statements with more parameters than this are one-off shapes (multi-row VALUES): not kept. */
export const MAX_PARAMETERS = 32

type QueryFunction = (...args: unknown[]) => unknown

/**
 * Makes every pooled connection prepare the statements it sends with parameters once, under a
 * name derived from their text, and afterwards only bind and execute them
 * (docs/decisions/request-path.md, "Prepared statements"). Kysely sends the same text for the
 * same query shape, so the home screen's nine statements are parsed once per connection instead
 * of on every request; PostgreSQL then also keeps their plans (a generic plan once it costs no
 * more than the custom ones, PostgreSQL's own choice). Parsing and planning were most of the
 * database's work per record page.
 *
 * Works the same on PostgreSQL and PGlite (its node-postgres adapter keeps named statements
 * too). Statements without parameters (BEGIN, COMMIT, migrations' multi-statement scripts) keep
 * the simple protocol, untouched. Statements with an array parameter (`= any($1)`, `unnest`: the
 * FHIR Bundle's look-ups and multi-row writes, the access log's INSERT) stay unnamed too: their
 * best plan depends on the array's length, which a generic plan does not know (prepared, a Bundle
 * of 1,000 reports imported at half the speed).
 */
export function prepareRepeatedStatements(pool: pg.Pool, maxPerConnection = MAX_PREPARED_PER_CONNECTION): void {
  pool.on('connect', (client) => {
    const prepared = new Set<string>()
    const query = client.query.bind(client) as QueryFunction
    const named: QueryFunction = (first, values, ...rest) => {
      if (typeof first !== 'string' || !Array.isArray(values) || values.length === 0 || values.length > MAX_PARAMETERS || values.some(Array.isArray)) return query(first, values, ...rest)
      const name = statementName(first)
      if (!prepared.has(name)) {
        if (prepared.size >= maxPerConnection) return query(first, values, ...rest)
        prepared.add(name)
      }
      return query({ name, text: first, values }, ...rest)
    }
    client.query = named as typeof client.query
  })
}

const names = new Map<string, string>()
const NAME_CACHE_LIMIT = 5_000

/** A name for a statement's text: the same text always gets the same name, another text (practically) never. */
export function statementName(text: string): string {
  let name = names.get(text)
  if (name === undefined) {
    name = `k${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`
    // The texts are the portal's query shapes; the limit only guards against a shape that grows with its input.
    if (names.size >= NAME_CACHE_LIMIT) names.clear()
    names.set(text, name)
  }
  return name
}
