import type { Db } from '../db/database.ts'
import { countSharedStatement, outsideRequestCounts } from '../db/statement-count.ts'
import { type AccessEvent, type Actor, type RequestSource, accessLogRows } from './access-log.service.ts'
import { insertAccessLogEntries } from './access-log.repository.ts'
import type { AccessLogRow } from './access-log.table.ts'

/**
 * Rows per INSERT at most: 17 parameters a row stays far below PostgreSQL's 65,535, and one
 * commit chains at most this many rows under the chain's lock (about 0.1 ms each).
 */
export const GROUP_COMMIT_MAX_ROWS = 500

/**
 * The access-log rows of read acts, written by group commit (docs/decisions/access-log-integrity.md,
 * "Group commit of read acts"): the rows of every request waiting at one moment go into one
 * multi-row INSERT and one commit, so the chain is extended under one lock acquisition and one WAL
 * flush for all of them, instead of once per request.
 *
 * A request awaits the commit of its own batch before it answers: nothing read leaves the server
 * unlogged, and an answered request's rows are committed and chained. A batch that fails rejects
 * every request in it with the batch's error, so none of them answers with the data.
 *
 * Batches form by themselves: while one batch commits, the requests that arrive wait for the next;
 * no timer delays a lone request. One batch at a time per process: the chain lets only one
 * logging commit through at a time anyway. This is in-flight state, like a connection pool's: a
 * row is either still in its request's hands or committed, so instances sharing one database stay
 * correct. Writes (create, update, delete, export) keep their rows in their own transaction.
 */
export interface AccessLogGroupCommit {
  /** Resolves once the rows are committed (and so chained); rejects when their batch failed. */
  recordAccesses: (actor: Actor, source: RequestSource, events: readonly AccessEvent[], occurredAt: Date) => Promise<void>
}

interface Waiting {
  rows: AccessLogRow[]
  resolve: () => void
  reject: (error: unknown) => void
}

/** A group commit over `db` (the app's handle, never a transaction: its rows would wait for that transaction's end). */
export function accessLogGroupCommit(db: Db, maxRows = GROUP_COMMIT_MAX_ROWS): AccessLogGroupCommit {
  const waiting: Waiting[] = []
  let writing = false

  async function writeBatches(): Promise<void> {
    writing = true
    try {
      while (waiting.length > 0) {
        const batch = nextBatch(waiting, maxRows)
        try {
          await insertAccessLogEntries(db, batch.flatMap((request) => request.rows))
          for (const request of batch) request.resolve()
        } catch (error) {
          for (const request of batch) request.reject(error)
        }
      }
    } finally {
      writing = false
    }
  }

  return {
    recordAccesses(actor, source, events, occurredAt) {
      if (events.length === 0) return Promise.resolve()
      countSharedStatement()
      const committed = new Promise<void>((resolve, reject) => waiting.push({ rows: accessLogRows(actor, source, events, occurredAt), resolve, reject }))
      // The INSERT belongs to every request of its batch, not to the one that happened to start the writer.
      if (!writing) outsideRequestCounts(() => void writeBatches())
      return committed
    },
  }
}

/** Whole requests from the front of the queue, up to `maxRows` rows; always at least one request. */
function nextBatch(waiting: Waiting[], maxRows: number): Waiting[] {
  let rows = waiting[0]?.rows.length ?? 0
  let count = 1
  while (count < waiting.length && rows + (waiting[count]?.rows.length ?? 0) <= maxRows) {
    rows += waiting[count]?.rows.length ?? 0
    count += 1
  }
  return waiting.splice(0, count)
}
