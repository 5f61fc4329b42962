import { useSessionQuery } from '../api/get-session.ts'

/** Who is using the portal in this browser, as the server sees it. */
export type Session =
  | { status: 'loading' }
  /** The server could not be asked (network, 5xx): not the same as "not logged in". */
  | { status: 'error'; retry: () => void }
  | { status: 'anonymous' }
  | {
      status: 'authenticated'
      displayName: string
      loginName: string
      /** Owed before anything else: a new password (after a temporary one), then the terms of use. */
      mustChangePassword: boolean
      mustAcceptTerms: boolean
      idleTimeoutSeconds: number
    }

/** The session from GET /api/session; everything that depends on being logged in asks this hook. */
export function useSession(): Session {
  const query = useSessionQuery()
  if (query.data === null) return { status: 'anonymous' }
  if (query.data) {
    const { account, mustChangePassword, mustAcceptTerms, idleTimeoutSeconds } = query.data
    return { status: 'authenticated', displayName: account.displayName, loginName: account.loginName, mustChangePassword, mustAcceptTerms, idleTimeoutSeconds }
  }
  if (query.isError) return { status: 'error', retry: () => void query.refetch() }
  return { status: 'loading' }
}
