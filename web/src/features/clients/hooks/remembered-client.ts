/**
 * The client whose record this tab showed last, so pages outside a record (Mijn profiel,
 * the terms) can still offer its menu. Only a UUID, in this tab's sessionStorage; the
 * address stays the one source of which client a record page shows.
 */
const KEY = 'portal.lastClient'

export function rememberClient(clientId: string): void {
  try {
    sessionStorage.setItem(KEY, clientId)
  } catch {
    // Storage may be off (private mode); the menu then falls back to the only client or Home.
  }
}

export function rememberedClient(): string | null {
  try {
    return sessionStorage.getItem(KEY)
  } catch {
    return null
  }
}
