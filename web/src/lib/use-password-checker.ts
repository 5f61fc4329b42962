import { useEffect, useState } from 'react'
import type { checkPassword } from '@shared/password-policy.ts'

export type PasswordChecker = typeof checkPassword

let loading: Promise<PasswordChecker> | undefined

/**
 * The same password rule the server applies (shared/password-policy.ts), loaded on
 * demand: its dictionaries of common words and passwords are far larger than the rest
 * of the app, and only these pages need them.
 */
function loadPasswordChecker(): Promise<PasswordChecker> {
  loading ??= import('@shared/password-policy.ts').then((module) => module.checkPassword)
  return loading
}

/**
 * The checker once loaded; null while it loads. It starts loading when `needed` (someone has
 * typed a new password): visiting the page alone downloads none of the dictionaries. `failed`
 * when it could not be loaded (a bad connection): the page then works without live feedback,
 * and the server still decides.
 */
export function usePasswordChecker(needed: boolean): { checker: PasswordChecker | null; failed: boolean } {
  const [checker, setChecker] = useState<PasswordChecker | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    if (!needed) return
    let current = true
    loadPasswordChecker().then(
      (loaded) => {
        if (current) setChecker(() => loaded)
      },
      () => {
        // The next page that needs it tries again.
        loading = undefined
        if (current) setFailed(true)
      },
    )
    return () => {
      current = false
    }
  }, [needed])
  return { checker, failed }
}
