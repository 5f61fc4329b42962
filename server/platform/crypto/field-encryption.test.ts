import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createFieldCipher } from './field-encryption.ts'

describe('field encryption', () => {
  const cipher = createFieldCipher(randomBytes(32))

  it('round-trips, and never stores the plaintext', () => {
    const stored = cipher.encrypt('123456782')
    expect(stored.toString('latin1')).not.toContain('123456782')
    expect(cipher.decrypt(stored)).toBe('123456782')
  })

  it('uses a fresh nonce every time', () => {
    expect(cipher.encrypt('123456782').equals(cipher.encrypt('123456782'))).toBe(false)
  })

  it('detects tampering', () => {
    const stored = cipher.encrypt('123456782')
    stored[stored.length - 1] = (stored[stored.length - 1] ?? 0) ^ 1
    expect(() => cipher.decrypt(stored)).toThrow()
  })

  it('cannot be read with another key', () => {
    expect(() => createFieldCipher(randomBytes(32)).decrypt(cipher.encrypt('x'))).toThrow()
  })

  it('gives a stable lookup hash that differs per key', () => {
    expect(cipher.lookupHash('123456782').equals(cipher.lookupHash('123456782'))).toBe(true)
    expect(createFieldCipher(randomBytes(32)).lookupHash('123456782').equals(cipher.lookupHash('123456782'))).toBe(false)
  })
})
