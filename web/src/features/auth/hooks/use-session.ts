import type { SessionState } from '@shared/schemas/auth.ts'
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
      /**
       * Portal accounts: the way in is no longer enough under the organisation's login policy;
       * the record stays closed until the person logs in more strongly (/veiliger-inloggen).
       */
      stepUpRequired: boolean
      /** Whether logging in again with a passkey or authenticator app would be enough (else DigiD only). */
      strongSecondFactorAccepted: boolean
      idleTimeoutSeconds: number
      /** Staff see the workspace (/werkplek), portal accounts the client portal. */
      kind: 'portal' | 'staff'
      /** Staff only: roles now, and whether the session may only enrol an app or passkey. */
      staff: SessionState['staff']
    }

/** The session from GET /api/session; everything that depends on being logged in asks this hook. */
export function useSession(): Session {
  const query = useSessionQuery()
  if (query.data === null) return { status: 'anonymous' }
  if (query.data) {
    const { account, mustChangePassword, mustAcceptTerms, stepUpRequired, strongSecondFactorAccepted, idleTimeoutSeconds, staff } = query.data
    return {
      status: 'authenticated', displayName: account.displayName, loginName: account.loginName, mustChangePassword, mustAcceptTerms, stepUpRequired,
      strongSecondFactorAccepted, idleTimeoutSeconds, kind: account.kind, staff,
    }
  }
  if (query.isError) return { status: 'error', retry: () => void query.refetch() }
  return { status: 'loading' }
}
