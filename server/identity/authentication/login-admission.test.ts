import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCpuAdmission, CpuBusyError } from '../../platform/crypto/cpu-admission.ts'
import { createAccount } from '../../test/factories.ts'
import { postJson } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

// One hashing slot and no queue: a second login while one hashes is refused at once.
let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ env: { PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_QUEUE: '0' } })
})
afterAll(() => t.close())

describe('password hashing admission (logins never starve the other routes)', () => {
  it('answers 503 server_busy with Retry-After past the queue, and lets the admitted logins through', async () => {
    const account = await createAccount(t.db)
    // Distinct addresses: the per-address login limit is not what is tested here.
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => postJson(t, '/api/session', { loginName: account.login_name, password: 'niet het wachtwoord van dit account' }, {}, { remoteAddress: `10.0.0.${i + 1}` })),
    )
    const busy = answers.filter((res) => res.statusCode === 503)
    expect(busy.length).toBeGreaterThan(0)
    expect(answers.some((res) => res.statusCode === 401)).toBe(true)
    for (const res of busy) {
      expect(res.headers['retry-after']).toBe('2')
      expect(res.json().error.code).toBe('server_busy')
      expect(res.json().error.message).toMatch(/druk/)
    }
  })

  it('runs at most `concurrency` jobs, queues up to the limit, refuses past it and hands slots on in order', async () => {
    const admission = createCpuAdmission({ concurrency: 2, queueLimit: 1 })
    const releases: Array<() => void> = []
    const order: number[] = []
    const job = (n: number) => admission.run(() => new Promise<void>((resolve) => releases.push(() => { order.push(n); resolve() })))
    const jobs = [job(1), job(2), job(3)]
    await expect(job(4)).rejects.toBeInstanceOf(CpuBusyError)
    expect(admission.stats()).toMatchObject({ running: 2, waiting: 1, refused: 1 })
    releases[0]?.()
    await jobs[0]
    await new Promise((resolve) => setImmediate(resolve))
    expect(admission.stats()).toMatchObject({ running: 2, waiting: 0 })
    releases[1]?.()
    releases[2]?.()
    await Promise.all(jobs)
    expect(order).toEqual([1, 2, 3])
    expect(admission.stats()).toMatchObject({ running: 0, waiting: 0 })
  })
})
