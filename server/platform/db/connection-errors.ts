/**
 * Whether an error means "the database cannot be reached right now" (restart, failover,
 * network cut), as opposed to a fault in the request or the code. Such a request is answered
 * 503 with Retry-After: trying again in a few seconds is the right thing for the client to do.
 */

/** What a 503 during an outage tells the client: ask again after this many seconds. */
export const RETRY_AFTER_SECONDS = 5

/**
 * SQLSTATEs of an unreachable or restarting server: class 08 (connection exception),
 * 57P01 admin_shutdown (pg_ctl stop), 57P02 crash_shutdown, 57P03 cannot_connect_now
 * (starting up, recovering), 53300 too_many_connections (at a failover all instances reconnect).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300'])

/** Node's socket errors while connecting to or talking with the server. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND'])

/**
 * The texts node-postgres and its pool use for a lost connection; they carry no code.
 * Compared as prefixes, so "Connection terminated unexpectedly" is covered by "Connection terminated".
 */
const LOST_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
]

export function isDatabaseUnavailable(error: unknown): boolean {
  return check(error, 0)
}

function check(error: unknown, depth: number): boolean {
  // Wrappers (AggregateError of a dual-stack connect, `cause` chains) are followed a little way.
  if (depth > 4 || typeof error !== 'object' || error === null) return false
  const { code, syscall, message, cause, errors } = error as { code?: unknown; syscall?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
  if (typeof code === 'string') {
    if (/^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_SQLSTATES.has(code)) return true
    if (SOCKET_CODES.has(code)) return true
    // A Unix socket that is not there (yet): the server is down, not a missing file of ours.
    if (code === 'ENOENT' && syscall === 'connect') return true
  }
  if (typeof message === 'string' && LOST_CONNECTION_MESSAGES.some((text) => message.startsWith(text))) return true
  if (Array.isArray(errors) && errors.some((inner) => check(inner, depth + 1))) return true
  return cause !== undefined && check(cause, depth + 1)
}

/**
 * A short, secret-free description for the log: the error's name and code ("Error ECONNREFUSED"),
 * never a free-form message (which may name the host) nor the connection string. A plain string, because
 * the logger redacts any key called `code`.
 */
export function describeConnectionError(error: unknown): string {
  if (!(error instanceof Error)) return 'error'
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') return `${error.name} ${code}`
  // node-postgres' own texts ("Connection terminated unexpectedly") are fixed and safe to show.
  return LOST_CONNECTION_MESSAGES.some((text) => error.message.startsWith(text)) ? `${error.name}: ${error.message.slice(0, 100)}` : error.name
}

/**
 * pg's DatabaseError and PGlite's error carry the five-character SQLSTATE and a `severity`;
 * Node's own errors (ECONNRESET) have no severity, Fastify's codes start with FST_.
 */
export function isDatabaseError(error: unknown): error is { code: string; table?: string; constraint?: string } {
  if (typeof error !== 'object' || error === null) return false
  const { code, severity } = error as { code?: unknown; severity?: unknown }
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string'
}
