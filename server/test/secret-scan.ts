import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Finds secrets in captured log text (security property 25): the passwords the tests used,
 * SMS codes, 256-bit tokens, session cookies and BSNs. Used by the global teardown on
 * every line the test apps logged during the run.
 */

export interface SecretFinding {
  kind: 'known secret' | 'sms code' | 'token' | 'session cookie' | 'bsn'
  /** Where it was found ("file:line"), so the leak can be traced. */
  where: string
  /** The finding with its middle blanked out: the report must not repeat the secret. */
  excerpt: string
}

/** Shorter known secrets are skipped: a short word would match ordinary log text. */
const MIN_KNOWN_SECRET_LENGTH = 8

// "3140-583920"; the look-arounds keep UUID groups ("…-1234-567890ab…") out.
const SMS_CODE = /(?<![\w-])\d{4}-\d{6}(?![\w-])/g
// newSecretToken(): 32 random bytes in base64url are 43 characters.
const TOKEN = /(?<![\w-])[\w-]{43}(?![\w-])/g
const SESSION_COOKIE = /__Host-portal_session=([^;\s"]+)/g
// Nine digits on their own: not part of a hex id (UUID) or a fraction (responseTime).
const NINE_DIGITS = /(?<![\w.])\d{9}(?![\w.])/g

/** The Dutch 11-proef for a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11. */
export function passesElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || digits === '000000000') return false
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i)
  sum -= Number(digits[8])
  return sum % 11 === 0
}

// A random 43-character token has both cases; an identifier in a log line rarely does.
function looksRandom(candidate: string): boolean {
  return /[A-Z]/.test(candidate) && /[a-z]/.test(candidate) && /\d/.test(candidate)
}

function mask(secret: string): string {
  return secret.length <= 4 ? '****' : `${secret.slice(0, 2)}…${secret.slice(-2)}`
}

/** The secrets in one piece of text. */
export function findSecrets(text: string, knownSecrets: Iterable<string>, where = 'text'): SecretFinding[] {
  const findings: SecretFinding[] = []
  const add = (kind: SecretFinding['kind'], value: string) => findings.push({ kind, where, excerpt: mask(value) })
  for (const secret of knownSecrets) {
    if (secret.length >= MIN_KNOWN_SECRET_LENGTH && text.includes(secret)) add('known secret', secret)
  }
  for (const match of text.matchAll(SMS_CODE)) add('sms code', match[0])
  for (const match of text.matchAll(TOKEN)) if (looksRandom(match[0])) add('token', match[0])
  for (const match of text.matchAll(SESSION_COOKIE)) add('session cookie', match[1] ?? '')
  for (const match of text.matchAll(NINE_DIGITS)) if (passesElevenTest(match[0])) add('bsn', match[0])
  return findings
}

/**
 * Scans every `*.log` file in `folder` line by line, with the known secrets listed one per
 * line in its `*.secrets` files.
 */
export function scanLogFolder(folder: string): { lines: number; findings: SecretFinding[] } {
  const files = existsSync(folder) ? readdirSync(folder) : []
  const knownSecrets = new Set<string>()
  for (const file of files.filter((name) => name.endsWith('.secrets'))) {
    for (const secret of readFileSync(join(folder, file), 'utf8').split('\n')) if (secret) knownSecrets.add(secret)
  }
  let lines = 0
  const findings: SecretFinding[] = []
  for (const file of files.filter((name) => name.endsWith('.log'))) {
    readFileSync(join(folder, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (!line) return
        lines++
        findings.push(...findSecrets(line, knownSecrets, `${file}:${index + 1}`))
      })
  }
  return { lines, findings }
}
