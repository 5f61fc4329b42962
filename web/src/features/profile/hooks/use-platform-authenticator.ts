import { platformAuthenticatorIsAvailable } from '@simplewebauthn/browser'
import { useEffect, useState } from 'react'

/**
 * Whether this device itself can hold a passkey behind a fingerprint, face or PIN
 * (a "platform authenticator"). False until the browser has answered.
 */
export function usePlatformAuthenticator(): boolean {
  const [available, setAvailable] = useState(false)
  useEffect(() => {
    let current = true
    platformAuthenticatorIsAvailable().then(
      (answer) => {
        if (current) setAvailable(answer)
      },
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [])
  return available
}
