import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.ts'
import { decodeCursor, encodeCursor, isExactInstant, isRowNumber, keysetCursor } from './keyset-cursor.ts'

const position = { at: '2026-03-02T09:15:00.123456Z', id: '0f8fad5b-d9cb-469f-a165-70867728950e' }
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url')
/** A cursor as this server spells one, with these parts. */
const forged = (...parts: unknown[]) => b64(JSON.stringify(parts))

function refusal(run: () => unknown): AppError | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  return undefined
}

describe('keyset cursor', () => {
  it('gives back the position it was made from, as opaque base64url', () => {
    const cursor = encodeCursor(position)
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(cursor).not.toContain(position.id)
    expect(decodeCursor(cursor)).toEqual(position)
    // FHIR's lastUpdated has milliseconds.
    expect(decodeCursor(encodeCursor({ ...position, at: '2026-03-02T09:15:00.123Z' })).at).toBe('2026-03-02T09:15:00.123Z')
  })

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/='],
    ['not JSON', b64(`${position.at}|${position.id}`)],
    ['not an array', b64(JSON.stringify(position))],
    ['a part too many', forged(position.at, position.id, 'x')],
    ['a part too few', forged(position.id)],
    ['a part that is no text', forged(position.at, 42)],
    ['month 13', forged('2026-13-02T09:15:00.123456Z', position.id)],
    ['hour 25', forged('2026-03-02T25:15:00.123456Z', position.id)],
    ['a time with an offset', forged('2026-03-02T09:15:00.123456+01:00', position.id)],
    ['seven decimals', forged('2026-03-02T09:15:00.1234567Z', position.id)],
    ['an id that is no uuid', forged(position.at, '1 or 1=1')],
    ['a uuid with urn prefix', forged(position.at, `urn:uuid:${position.id}`)],
    ['a NUL byte', forged(position.at, `${position.id}\u0000`)],
    ['JSON spelled otherwise', b64(`[ "${position.at}", "${position.id}" ]`)],
    ['too long', 'A'.repeat(401)],
  ])('refuses %s with validation_failed (400)', (_name, cursor) => {
    const error = refusal(() => decodeCursor(cursor))
    expect(error?.code).toBe('validation_failed')
    expect(error?.status).toBe(400)
  })

  it('refuses a second spelling of the same bytes', () => {
    const cursor = encodeCursor(position)
    // Base64 of 70 bytes ends in a character carrying 4 unused bits; setting one changes no byte.
    const last = cursor.at(-1)!
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const sibling = alphabet[alphabet.indexOf(last) + 1]!
    const tampered = `${cursor.slice(0, -1)}${sibling}`
    expect(Buffer.from(tampered, 'base64url').equals(Buffer.from(cursor, 'base64url'))).toBe(true)
    expect(refusal(() => decodeCursor(tampered))?.code).toBe('validation_failed')
  })

  it('makes codecs of other parts, each part checked', () => {
    const rowCursor = keysetCursor({ id: isRowNumber })
    expect(rowCursor.decode(rowCursor.encode({ id: '9223372036854775807' }))).toEqual({ id: '9223372036854775807' })
    for (const id of ['0', '007', '9223372036854775808', '-1', '1.5', '']) {
      expect(refusal(() => rowCursor.decode(forged(id)))?.code, id).toBe('validation_failed')
    }
  })

  it("carries any text a part's check allows", () => {
    const nameCursor = keysetCursor({ familyName: (text) => text.length <= 200 && !text.includes('\u0000'), id: isRowNumber })
    const name = 'Jansen | "de" \\ Vries ë'
    expect(nameCursor.decode(nameCursor.encode({ familyName: name, id: '7' }))).toEqual({ familyName: name, id: '7' })
    expect(refusal(() => nameCursor.decode(forged('Jan\u0000', '7')))?.code).toBe('validation_failed')
  })

  it('knows an exact instant', () => {
    expect(isExactInstant('2026-03-02T09:15:00Z')).toBe(true)
    expect(isExactInstant('2026-02-30T09:15:00.000Z')).toBe(false)
    expect(isExactInstant('2026-03-02 09:15:00Z')).toBe(false)
  })
})
