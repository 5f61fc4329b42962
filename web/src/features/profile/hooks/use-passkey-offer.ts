import { useCallback, useState } from 'react'

const KEY_PREFIX = 'portal.passkeyOffer.dismissed.'

function readDismissed(loginName: string): boolean {
  try {
    return localStorage.getItem(KEY_PREFIX + loginName) === '1'
  } catch {
    return false
  }
}

/**
 * Whether this person already answered the passkey offer on this device. Kept in
 * localStorage under the login name (not a secret; the server has no field for it yet),
 * so the offer comes once, and not again for someone else on a shared computer.
 */
export function usePasskeyOfferDismissed(loginName: string): [boolean, () => void] {
  const [dismissedFor, setDismissedFor] = useState<string | null>(() => (readDismissed(loginName) ? loginName : null))
  const dismissed = dismissedFor === loginName || readDismissed(loginName)
  const dismiss = useCallback(() => {
    try {
      localStorage.setItem(KEY_PREFIX + loginName, '1')
    } catch {
      // Private mode or full storage: the offer then only stays away for this visit.
    }
    setDismissedFor(loginName)
  }, [loginName])
  return [dismissed, dismiss]
}
