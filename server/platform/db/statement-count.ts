import { AsyncLocalStorage } from 'node:async_hooks'
import type { LogEvent } from 'kysely'

/**
 * How many SQL statements one request sends to the database (BEGIN and COMMIT included): the
 * figure that sets a record page's cost, whatever the size of the data (docs/decisions/request-path.md).
 *
 * Every Kysely handle opened by database.ts reports each statement it executed through its `log`
 * hook, which runs in the async context of the caller; the request's counter travels in that
 * context (AsyncLocalStorage), entered once per request by registerRequestContext. Statements
 * outside a request (the outbox worker, CLIs, start-up) count nowhere.
 */
export interface StatementCounter {
  count: number
}

const currentCounter = new AsyncLocalStorage<StatementCounter>()

/** A fresh counter for one request. */
export function newStatementCounter(): StatementCounter {
  return { count: 0 }
}

/**
 * Runs `next` (and everything it starts) counting into `counter`. Called again after the body
 * is read: a body arrives through the socket's events, outside the context the request began in.
 */
export function countStatementsInto(counter: StatementCounter, next: () => void): void {
  currentCounter.run(counter, next)
}

/** Kysely's `log` option: adds one to the counter of the request this statement belongs to. */
export function countStatement(_event: LogEvent): void {
  const counter = currentCounter.getStore()
  if (counter) counter.count += 1
}

/** The number of statements the current request has sent so far; undefined outside a request. */
export function statementsOfCurrentRequest(): number | undefined {
  return currentCounter.getStore()?.count
}

/**
 * Runs `work` outside every request's count: for a statement several requests share (the access
 * log's group commit), which each of them counts once with countSharedStatement instead.
 */
export function outsideRequestCounts<T>(work: () => T): T {
  return currentCounter.exit(work)
}

/** Counts one shared statement for the current request: it waits for that round trip as for one of its own. */
export function countSharedStatement(): void {
  const counter = currentCounter.getStore()
  if (counter) counter.count += 1
}
