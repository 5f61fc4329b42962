import { badRequest } from '../errors.ts'

/** Where a newest-first (or soonest-first) page ended: the last row's time and id. */
export interface KeysetPosition {
  at: Date
  id: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Opaque to the web app, so the page boundary can change shape without a contract change. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`, 'utf8').toString('base64url')
}

/** Throws bad_request for a cursor this server did not make. */
export function decodeCursor(cursor: string): KeysetPosition {
  const [at = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  const time = new Date(at)
  if (rest.length > 0 || Number.isNaN(time.getTime()) || !UUID.test(id)) throw badRequest('cursor')
  return { at: time, id }
}
