/** Who is using the portal in this browser. */
export type Session = { status: 'anonymous' } | { status: 'authenticated'; displayName: string }

const ANONYMOUS: Session = { status: 'anonymous' }

/**
 * Always "not logged in" for now: logging in arrives with the accounts issue, and this
 * hook will then read the session from the server. Everything that depends on being
 * logged in (user menu, side menu) already asks this hook.
 */
export function useSession(): Session {
  return ANONYMOUS
}
