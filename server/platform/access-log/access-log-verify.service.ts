import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { chainHash, GENESIS_HASH } from './access-log-chain.ts'
import { firstUnchainedRow, readChainPage } from './access-log.repository.ts'

export interface BrokenRow {
  id: string | null
  seq: string | null
  occurredAt: Date | null
}

/** A chain position noted from an earlier run: that row must still be there with that hash. */
export interface ChainAnchor {
  seq: string
  hash: string
}

export type ChainVerdict =
  | { intact: true; rows: number; headSeq: string; headHash: string }
  | { intact: false; rowsChecked: number; broken: BrokenRow; reason: string }

/**
 * Recomputes the access log's hash chain from the first row to the last, a page at a time
 * (memory stays flat for millions of rows), and names the first row where it breaks: a
 * changed row (its hash no longer matches its content), a deleted row (a gap in seq, or a
 * prev_hash that is not the previous row's hash), or a row outside the chain. Rows removed
 * from the end leave no trace in the chain itself; an anchor from an earlier run finds them.
 */
export async function verifyAccessLogChain(db: Kysely<Database>, options: { pageSize?: number; anchor?: ChainAnchor } = {}): Promise<ChainVerdict> {
  const pageSize = options.pageSize ?? 5000
  const anchor = options.anchor
  let expectedSeq = 1n
  let prevHash: Buffer = GENESIS_HASH
  let checked = 0
  let last: BrokenRow = { id: null, seq: null, occurredAt: null }
  for (;;) {
    const page = await readChainPage(db, (expectedSeq - 1n).toString(), pageSize)
    for (const row of page) {
      const at: BrokenRow = { id: row.id, seq: row.seq, occurredAt: row.occurredAt }
      const broken = (reason: string): ChainVerdict => ({ intact: false, rowsChecked: checked, broken: at, reason })
      if (BigInt(row.seq) !== expectedSeq) return broken(`seq ${expectedSeq} expected, found ${row.seq}: the row(s) before this one were deleted`)
      if (!row.prevHash || !row.prevHash.equals(prevHash)) return broken("prev_hash is not the previous row's hash: a row before this one was changed or deleted")
      const hash = chainHash(prevHash, row)
      if (!row.hash || !row.hash.equals(hash)) return broken('the hash does not match the content: this row was changed')
      if (anchor && anchor.seq === row.seq && anchor.hash !== hash.toString('hex')) return broken(`the hash differs from the anchor ${anchor.seq}:${anchor.hash}: the chain up to here was rewritten`)
      prevHash = hash
      expectedSeq += 1n
      checked += 1
      last = at
    }
    if (page.length < pageSize) break
  }

  const headSeq = (expectedSeq - 1n).toString()
  if (anchor && BigInt(anchor.seq) > BigInt(headSeq)) {
    return { intact: false, rowsChecked: checked, broken: last, reason: `the chain ends at seq ${headSeq}, before the anchor's seq ${anchor.seq}: rows at the end were deleted` }
  }
  const unchained = await firstUnchainedRow(db)
  if (unchained) {
    return { intact: false, rowsChecked: checked, broken: { id: unchained.id, seq: null, occurredAt: unchained.occurredAt }, reason: 'this row is outside the chain: it was inserted with the chaining trigger switched off' }
  }
  return { intact: true, rows: checked, headSeq, headHash: prevHash.toString('hex') }
}

/** The verdict as the command prints it. */
export function describeVerdict(verdict: ChainVerdict): string {
  if (verdict.intact) {
    return `Access log intact: ${verdict.rows} rows.\nChain head: ${verdict.headSeq}:${verdict.headHash}\n(Keep this line outside the database; --anchor ${verdict.headSeq}:${verdict.headHash} on a later run proves no row up to it was removed or rewritten since.)`
  }
  const { id, seq, occurredAt } = verdict.broken
  const where = id === null ? 'at the start of the chain' : `at row id ${id}, seq ${seq ?? '(none)'}, time ${occurredAt?.toISOString() ?? '?'}`
  return `Access log BROKEN ${where}: ${verdict.reason}. The ${verdict.rowsChecked} rows before it are intact.`
}

/** Reads `<seq>:<64 hex digits>` as printed on the "Chain head" line. */
export function parseAnchor(text: string): ChainAnchor {
  const match = /^(\d{1,19}):([0-9a-f]{64})$/.exec(text.trim().toLowerCase())
  if (!match) throw new Error('--anchor expects <seq>:<hash> as printed on the "Chain head" line')
  return { seq: BigInt(match[1]!).toString(), hash: match[2]! }
}
