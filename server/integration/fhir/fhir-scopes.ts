/**
 * What an operation needs, in SMART v2's letters: read (`r`), search (`s`), create (`c`),
 * update (`u`). SMART v1's `read` is `rs`, its `write` `cud`, `*` all of them.
 */
export type FhirAccess = 'r' | 's' | 'c' | 'u'

const SCOPE = /^system\/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)$/
const ALL = 'cruds'

/** A system scope read into its type and permission letters; undefined for anything else. */
function parseScope(scope: string): { type: string; permissions: string } | undefined {
  const match = SCOPE.exec(scope)
  if (!match || match[2] === '') return undefined
  const permission = match[2]!
  const permissions = permission === 'read' ? 'rs' : permission === 'write' ? 'cud' : permission === '*' ? ALL : permission
  return { type: match[1]!, permissions }
}

/** Only SMART system scopes: `system/Patient.write`, `system/*.read`, and v2's `system/Patient.rs`. */
export function isSystemScope(scope: string): boolean {
  return parseScope(scope) !== undefined
}

/** The permission letters `scopes` (space-separated) give on `resourceType`. */
function permissionsOn(scopes: string[], resourceType: string): Set<string> {
  const letters = new Set<string>()
  for (const scope of scopes) {
    const parsed = parseScope(scope)
    if (parsed && (parsed.type === '*' || parsed.type === resourceType)) for (const letter of parsed.permissions) letters.add(letter)
  }
  return letters
}

/** Whether `scopes` (space-separated) allow `access` to `resourceType`. */
export function scopesAllow(scopes: string, resourceType: string, access: FhirAccess): boolean {
  return permissionsOn(scopes.split(' '), resourceType).has(access)
}

/**
 * The scopes a token gets (SMART Backend Services): those asked for, when the client's
 * registered scopes cover each of them, in v1 or v2 syntax (`system/*.read` covers
 * `system/Patient.read` and `system/Patient.rs`); all registered scopes when none are asked
 * for. A scope asked for that is not covered, or not a system scope, makes the request fail
 * (invalid_scope) rather than silently giving less than asked.
 */
export function grantScopes(registered: string, requested: string | undefined): string[] | undefined {
  const allowed = registered.split(' ').filter(Boolean)
  if (!requested || requested.trim() === '') return allowed
  const asked = [...new Set(requested.split(' ').filter(Boolean))]
  const covered = (scope: string) => {
    const parsed = parseScope(scope)
    if (!parsed) return false
    // A wildcard asked for needs a wildcard registered; a named type is covered by either.
    const held = parsed.type === '*' ? permissionsOn(allowed.filter((s) => s.startsWith('system/*.')), '*') : permissionsOn(allowed, parsed.type)
    return [...parsed.permissions].every((letter) => held.has(letter))
  }
  return asked.every(covered) ? asked : undefined
}
