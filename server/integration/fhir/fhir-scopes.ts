/** What an operation needs: read (read, search) or write (create, update) of one resource type. */
export type FhirAccess = 'read' | 'write'

const SCOPE = /^system\/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)$/

/** Only SMART system scopes: `system/Patient.write`, `system/*.read`, and v2's `system/Patient.rs`. */
export function isSystemScope(scope: string): boolean {
  const match = SCOPE.exec(scope)
  return match !== null && match[2] !== ''
}

/** Whether `scopes` (space-separated) allow `access` to `resourceType`. */
export function scopesAllow(scopes: string, resourceType: string, access: FhirAccess): boolean {
  return scopes.split(' ').some((scope) => {
    const match = SCOPE.exec(scope)
    if (!match || (match[1] !== '*' && match[1] !== resourceType)) return false
    const permission = match[2]!
    if (permission === '*') return true
    if (permission === 'read' || permission === 'write') return permission === access
    // SMART v2: create and update for writes; read and search for reads.
    return access === 'write' ? permission.includes('c') && permission.includes('u') : permission.includes('r') && permission.includes('s')
  })
}

/**
 * The scopes a token gets: those asked for that the client is registered with (all of them when
 * none are asked for). A scope asked for but not registered is refused, not silently dropped.
 */
export function grantScopes(registered: string, requested: string | undefined): string[] | undefined {
  const allowed = registered.split(' ').filter(Boolean)
  if (!requested || requested.trim() === '') return allowed
  const asked = requested.split(' ').filter(Boolean)
  return asked.every((scope) => allowed.includes(scope)) ? asked : undefined
}
