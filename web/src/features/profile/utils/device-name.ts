import type { MessageKey } from '@/i18n/nl.ts'

/** A first guess for the name of a new passkey, so most people need not type anything. */
export function defaultPasskeyNameKey(): MessageKey {
  const phone = /Android|iPhone|iPad|Mobile/i.test(navigator.userAgent)
  return phone ? 'profile.passkeys.defaultName.phone' : 'profile.passkeys.defaultName.computer'
}
