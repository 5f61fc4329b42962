import { type Expression, type ExpressionBuilder, sql, type SqlBool } from 'kysely'
import type { Database } from '../../platform/db/schema.ts'
import { containsPattern, startsWithPattern } from '../../platform/db/contains-pattern.ts'

/**
 * The one client search by text, for caregivers (their caseload) and administrators (whom to
 * link): the whole name as people write it, prefix and surname together ("uit de Bosch",
 * "van Dijk", "Anna van Dijk", "A. van Dijk", or just "Dijk"), or the start of the client number.
 * Runs of spaces in the term count as one; an empty given name or prefix leaves no double space
 * in the name it is matched against (concat_ws skips NULLs).
 */
export function clientMatchesText(eb: ExpressionBuilder<Database, 'client'>, term: string): Expression<SqlBool> {
  const text = term.trim().replace(/\s+/g, ' ')
  const name = containsPattern(text)
  return eb.or([
    eb(sql<string>`concat_ws(' ', nullif(client.given_name, ''), nullif(client.name_prefix, ''), client.family_name)`, 'ilike', name),
    eb(sql<string>`concat_ws(' ', nullif(client.initials, ''), nullif(client.name_prefix, ''), client.family_name)`, 'ilike', name),
    eb('client.client_number', 'ilike', startsWithPattern(text)),
  ])
}
