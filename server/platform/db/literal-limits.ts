import { type LimitNode, type OffsetNode, type OperationNode, PostgresDialect, PostgresQueryCompiler, type QueryCompiler, ValueNode } from 'kysely'

/**
 * Writes every LIMIT and OFFSET that is a whole number into the SQL text (`limit 3`) instead of
 * binding it (`limit $4`). A prepared statement's generic plan (prepared-statements.ts) knows
 * nothing of a bound limit and assumes a large share of the rows, so PostgreSQL judged it dearer
 * than the custom plan and planned the home screen's cards statement anew on every execution
 * (0.6-0.9 ms, against 0.06 ms to execute it). With the limit in the text the generic plan is the
 * cheap index scan it should be. Only safe integers are written; anything else stays bound.
 *
 * Done while compiling, which visits every node anyway: as a Kysely plugin it was a second walk
 * over (and a copy of) every statement's whole tree, 9% of the portal's CPU on the home screen.
 */
class LiteralLimitsCompiler extends PostgresQueryCompiler {
  protected override visitLimit(node: LimitNode): void {
    this.append('limit ')
    this.visitNode(literalIfWhole(node.limit))
  }

  protected override visitOffset(node: OffsetNode): void {
    this.append('offset ')
    this.visitNode(literalIfWhole(node.offset))
  }
}

/** PostgreSQL's dialect (also PGlite's, through its node-postgres adapter) with the compiler above. */
export class LiteralLimitsPostgresDialect extends PostgresDialect {
  override createQueryCompiler(): QueryCompiler {
    return new LiteralLimitsCompiler()
  }
}

function literalIfWhole(node: OperationNode): OperationNode {
  if (!ValueNode.is(node) || node.immediate) return node
  const { value } = node
  const whole = (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) || (typeof value === 'bigint' && value >= 0n)
  return whole ? ValueNode.createImmediate(value) : node
}
