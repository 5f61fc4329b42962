import type { LoggerOptions } from 'pino'

/**
 * Keys whose values never reach a log line, wherever they appear in a logged object
 * (top level and up to three levels deep). Request and response bodies are never logged
 * at all; this list is the safety net for objects logged by hand.
 */
const SECRET_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'password_hash',
  'code',
  'token',
  'secret',
  'bsn',
  'bankAccount',
  'cookie',
  'authorization',
  'set-cookie',
  'x-csrf-token',
]

const redactPaths = SECRET_KEYS.flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`
  const dot = k.startsWith('[') ? '' : '.'
  return [k, `*${dot}${k}`, `*.*${dot}${k}`, `*.*.*${dot}${k}`]
})

/** pino options shared by the server and the command-line tools. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      // Only what is needed to follow a request: never headers, query strings or bodies,
      // because those are where cookies, tokens and personal data travel.
      req: (req: { method: string; routeOptions?: { url?: string }; url: string; id: string }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? pathOnly(req.url),
        id: req.id,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  }
}

function pathOnly(url: string): string {
  const end = url.search(/[?#]/)
  return end === -1 ? url : url.slice(0, end)
}
