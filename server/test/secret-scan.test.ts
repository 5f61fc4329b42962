import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { newSecretToken } from '../identity/authentication/secret-token.ts'
import { findSecrets, passesElevenTest, scanLogFolder } from './secret-scan.ts'

// A line as the app logs it: UUID request id, epoch milliseconds, a fractional response time.
const cleanLine = JSON.stringify({
  level: 30,
  time: 1764255600123,
  pid: 4711,
  hostname: 'ci-runner',
  reqId: '0a1b2c3d-1234-4567-8901-234567890abc',
  parentId: 'b07cd90b-bb1c-45b5-8a27-32f454731164',
  res: { statusCode: 401 },
  responseTime: 12.123456789,
  code: 'password_change_required',
  msg: 'request completed',
})

describe('the log secret scanner (property 25 can fail)', () => {
  it('passes an ordinary log line', () => {
    expect(findSecrets(cleanLine, ['groene appels rollen langzaam'])).toEqual([])
  })

  it('finds a password a test used', () => {
    const line = cleanLine.replace('request completed', 'login groene appels rollen langzaam')
    expect(findSecrets(line, ['groene appels rollen langzaam']).map((f) => f.kind)).toEqual(['known secret'])
  })

  it('finds an SMS code, a token, a session cookie and a BSN', () => {
    const token = newSecretToken()
    const kinds = (text: string) => findSecrets(text, []).map((f) => f.kind)
    expect(kinds('Uw inlogcode is 3140-583920.')).toEqual(['sms code'])
    expect(kinds(`{"attemptToken":"${token}"}`)).toContain('token')
    expect(kinds('cookie: __Host-portal_session=abc; Path=/')).toEqual(['session cookie'])
    expect(kinds('{"bsn":"111222333"}')).toEqual(['bsn'])
  })

  it('does not take a number failing the 11-proef for a BSN', () => {
    expect(passesElevenTest('123456782')).toBe(true)
    expect(passesElevenTest('123456789')).toBe(false)
    expect(findSecrets('order 123456789', [])).toEqual([])
  })

  it('never repeats the secret in its report', () => {
    const [finding] = findSecrets('code 3140-583920', [])
    expect(finding?.excerpt).not.toContain('583920')
  })

  it('scans a folder of log files with the secrets the tests remembered', () => {
    const folder = mkdtempSync(join(tmpdir(), 'secret-scan-test-'))
    try {
      writeFileSync(join(folder, '1-0.log'), `${cleanLine}\n${cleanLine}\n`)
      writeFileSync(join(folder, '1-0.secrets'), 'Zeer-Geheim-Wachtwoord-4711\n')
      expect(scanLogFolder(folder)).toEqual({ lines: 2, findings: [] })
      writeFileSync(join(folder, '2-0.log'), `${cleanLine}\n{"msg":"Zeer-Geheim-Wachtwoord-4711"}\n`)
      const { findings } = scanLogFolder(folder)
      expect(findings).toEqual([{ kind: 'known secret', where: '2-0.log:2', excerpt: 'Ze…11' }])
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
