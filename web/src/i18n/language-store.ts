import type { Language } from '@shared/error-messages.ts'

const STORAGE_KEY = 'clientportaal.language'
const listeners = new Set<() => void>()

/**
 * The chosen interface language, kept outside React so the API client can send it as
 * Accept-Language too. Dutch unless the person chose English earlier on this device.
 */
let current: Language = readStoredLanguage()

function readStoredLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl'
  } catch {
    // Storage can be switched off (private mode, strict settings): Dutch is a safe default.
    return 'nl'
  }
}

export function getLanguage(): Language {
  return current
}

/** Changes the language, remembers it on this device, and tells screen readers via <html lang>. */
export function setLanguage(language: Language): void {
  current = language
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Not remembered, but the switch still works for this visit.
  }
  document.documentElement.lang = language
  for (const listener of listeners) listener()
}

export function subscribeToLanguage(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
