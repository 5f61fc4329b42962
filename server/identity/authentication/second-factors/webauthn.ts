import { createHash } from 'node:crypto'
import type { Config } from '../../../config.ts'

/** How long a browser has to answer a WebAuthn challenge. */
export const CHALLENGE_LIFETIME_MS = 5 * 60_000

/** The relying party is the portal's public address, never the request's Host header. */
export function relyingParty(config: Pick<Config, 'publicBaseUrl'>): { rpID: string; origin: string } {
  return { rpID: config.publicBaseUrl.hostname, origin: config.publicBaseUrl.origin }
}

export function challengeHash(challenge: string): Buffer {
  return createHash('sha256').update(`webauthn:${challenge}`).digest()
}

/**
 * The challenge the browser signed, read from clientDataJSON, so the stored challenge can be
 * found without the browser having to send an id of its own. The library checks it again.
 */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const clientData: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'))
    if (typeof clientData !== 'object' || clientData === null) return null
    const challenge = (clientData as { challenge?: unknown }).challenge
    return typeof challenge === 'string' && challenge.length > 0 && challenge.length <= 200 ? challenge : null
  } catch {
    return null
  }
}
