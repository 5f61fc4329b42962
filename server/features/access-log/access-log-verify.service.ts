import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { chainHash, GENESIS_HASH } from './access-log-chain.ts'
import { firstUnchainedRow, readChainHead, readChainPage } from './access-log.repository.ts'

export interface BrokenRow {
  id: string | null
  seq: string | null
  occurredAt: Date | null
}

export type ChainVerdict =
  | { intact: true; rows: number; headSeq: string; headHash: string }
  | { intact: false; rowsChecked: number; broken: BrokenRow; reason: string }

/**
 * Recomputes the access log's hash chain from the first row to the chain head, a page at a
 * time (memory stays flat for millions of rows), and names the first row where it breaks:
 * a changed row (its hash no longer matches its content), a deleted row (a gap in seq, or a
 * prev_hash that is not the previous row's hash), rows missing at the end, or a row outside
 * the chain. Rows committed after the head was read are left for the next run.
 */
export async function verifyAccessLogChain(db: Kysely<Database>, options: { pageSize?: number } = {}): Promise<ChainVerdict> {
  const pageSize = options.pageSize ?? 5000
  const head = await readChainHead(db)
  if (!head) return { intact: false, rowsChecked: 0, broken: { id: null, seq: null, occurredAt: null }, reason: 'the chain head is missing' }

  let expectedSeq = 1n
  let prevHash: Buffer = GENESIS_HASH
  let checked = 0
  let last: BrokenRow = { id: null, seq: '0', occurredAt: null }
  for (;;) {
    const page = await readChainPage(db, (expectedSeq - 1n).toString(), head.seq, pageSize)
    for (const row of page) {
      const at: BrokenRow = { id: row.id, seq: row.seq, occurredAt: row.occurredAt }
      const broken = (reason: string): ChainVerdict => ({ intact: false, rowsChecked: checked, broken: at, reason })
      if (BigInt(row.seq) !== expectedSeq) return broken(`seq ${expectedSeq} expected, found ${row.seq}: the row(s) before this one were deleted`)
      if (!row.prevHash || !row.prevHash.equals(prevHash)) return broken("prev_hash is not the previous row's hash: a row before this one was changed or deleted")
      const hash = chainHash(prevHash, row)
      if (!row.hash || !row.hash.equals(hash)) return broken('the hash does not match the content: this row was changed')
      prevHash = hash
      expectedSeq += 1n
      checked += 1
      last = at
    }
    if (page.length < pageSize) break
  }

  if (expectedSeq - 1n !== BigInt(head.seq) || !prevHash.equals(head.hash)) {
    return { intact: false, rowsChecked: checked, broken: last, reason: `the chain head says seq ${head.seq}, the rows end at ${expectedSeq - 1n}: rows at the end were deleted or the head was changed` }
  }
  const unchained = await firstUnchainedRow(db)
  if (unchained) {
    return { intact: false, rowsChecked: checked, broken: { id: unchained.id, seq: null, occurredAt: unchained.occurredAt }, reason: 'this row is outside the chain: it was inserted with the chaining trigger switched off' }
  }
  return { intact: true, rows: checked, headSeq: head.seq, headHash: head.hash.toString('hex') }
}

/** The verdict as the command prints it. */
export function describeVerdict(verdict: ChainVerdict): string {
  if (verdict.intact) return `Access log intact: ${verdict.rows} rows, chain head seq ${verdict.headSeq}, hash ${verdict.headHash}.`
  const { id, seq, occurredAt } = verdict.broken
  const where = id === null ? 'at the start of the chain' : `at row id ${id}, seq ${seq ?? '(none)'}, time ${occurredAt?.toISOString() ?? '?'}`
  return `Access log BROKEN ${where}: ${verdict.reason}. ${verdict.rowsChecked} rows before it are intact.`
}
