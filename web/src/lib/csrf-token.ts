/**
 * The CSRF token of the current session. The session query (features/auth) puts it here
 * when it reads GET /api/session; the API client sends it in X-CSRF-Token with every
 * state-changing request. Kept outside React, like the language, so plain functions can read it.
 */
let current: string | null = null

export function setCsrfToken(token: string | null): void {
  current = token
}

export function getCsrfToken(): string | null {
  return current
}
