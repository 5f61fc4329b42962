import { ApiError } from '@/lib/api-client.ts'

/**
 * What went wrong on the device itself (not on the server): the person closed the
 * fingerprint window, waited too long, or the device already holds a passkey for this
 * account. Browsers report all of these as DOMExceptions (or WebAuthnErrors wrapping one).
 */
export type DeviceProblem = 'cancelled' | 'exists' | 'unsupported'

export function deviceProblem(error: unknown): DeviceProblem | null {
  if (error instanceof ApiError || !(error instanceof Error)) return null
  const name = 'cause' in error && error.cause instanceof Error ? error.cause.name : error.name
  if (name === 'InvalidStateError') return 'exists'
  if (name === 'NotSupportedError' || name === 'SecurityError') return 'unsupported'
  return 'cancelled'
}

/** The server wants the password again before this change. */
export function needsReauthentication(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'reauthentication_required'
}
