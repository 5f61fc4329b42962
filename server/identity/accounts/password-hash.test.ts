import { afterAll, describe, expect, it } from 'vitest'
import { configurePasswordHashing, DEFAULT_HASH_CONCURRENCY, DEFAULT_HASH_QUEUE, hashingThreadNiceness, hashPassword, verifyPassword } from './password-hash.ts'

afterAll(() => configurePasswordHashing({ concurrency: DEFAULT_HASH_CONCURRENCY, queueLimit: DEFAULT_HASH_QUEUE }))

describe('password hashing on its own low-priority threads', () => {
  it('hashes with argon2id and verifies the right password only, also several at once', async () => {
    configurePasswordHashing({ concurrency: 2, queueLimit: 8 })
    const [first, second] = await Promise.all([hashPassword('paard batterij nietje 2026'), hashPassword('een heel ander wachtwoord')])
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    const checks = await Promise.all([
      verifyPassword(first!, 'paard batterij nietje 2026'),
      verifyPassword(first!, 'paard batterij nietje 2027'),
      verifyPassword(second!, 'een heel ander wachtwoord'),
    ])
    expect(checks).toEqual([true, false, true])
  })

  it('refuses a stored hash that is not one, without the password in the error', async () => {
    const refused = await verifyPassword('not-a-hash', 'geheim-wachtwoord-123').then(() => null, (error: unknown) => error)
    expect(refused).toBeInstanceOf(Error)
    expect(String(refused)).not.toContain('geheim-wachtwoord-123')
    // The thread survives a refused job.
    expect(await verifyPassword(await hashPassword('nog een wachtwoord'), 'nog een wachtwoord')).toBe(true)
  })

  it.runIf(process.platform === 'linux')('runs at the lowest CPU priority (nice 19), the rest of the process at its own', async () => {
    expect(await hashingThreadNiceness()).toBe(19)
    const { getPriority } = await import('node:os')
    expect(getPriority()).toBe(0)
  })
})
