import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useNavigate } from 'react-router'
import { endSession } from '../api/end-session.ts'
import { forgetSession } from '../api/get-session.ts'

/** Why the login page is shown after a session ended; it says so to the person. */
export type LogoutReason = 'logged-out' | 'idle' | 'session-ended'

export type LoginPageState = { notice?: LogoutReason | undefined; from?: string | undefined }

/**
 * Why the last session in this tab ended. Dropping the session makes the guards of the
 * logged-in pages send the person to the login page too, possibly before our own
 * navigation lands; they pass this reason on, so the login page says it either way.
 */
let lastReason: LogoutReason | undefined

export function lastLogoutReason(): LogoutReason | undefined {
  return lastReason
}

/** The server refused a request as not logged in (session ended elsewhere, or timed out). */
export function noteSessionEnded(): void {
  lastReason ??= 'session-ended'
}

/** A new login: the old reason no longer applies. */
export function clearLogoutReason(): void {
  lastReason = undefined
}

/**
 * Ends the session on the server, forgets it here, and goes to the login page, which
 * confirms it. When the server cannot be reached the session is still forgotten in this
 * browser: the person asked to leave, and the server ends it after the idle time anyway.
 */
export function useLogout(): { logout: (reason?: LogoutReason) => void; isPending: boolean } {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const mutation = useMutation({ mutationFn: endSession })
  const { mutate } = mutation
  const logout = useCallback(
    (reason: LogoutReason = 'logged-out') => {
      const leave = () => {
        lastReason = reason
        const state: LoginPageState = { notice: reason }
        // First leave the logged-in pages, then drop the session, so no guard sends the person elsewhere.
        navigate('/inloggen', { replace: true, state })
        forgetSession(queryClient)
      }
      mutate(undefined, { onSettled: leave })
    },
    [mutate, navigate, queryClient],
  )
  return { logout, isPending: mutation.isPending }
}
