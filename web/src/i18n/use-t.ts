import { useCallback, useSyncExternalStore } from 'react'
import type { Language } from '@shared/error-messages.ts'
import { ERROR_MESSAGES_NL, type ErrorMessageCode } from '@shared/error-messages-nl.ts'
import { getLanguage, setLanguage, subscribeToLanguage } from './language-store.ts'
import { type MessageKey, nl } from './nl.ts'

type Dictionary = Partial<Record<MessageKey, string>>

/**
 * The Dutch texts of the login page, the header and the pages around them are in the app from the
 * start. Those of the login's second step, the account's pages (passwords, terms), the client
 * record (portal and workspace), Mijn profiel, the workspace and the administrators' pages come
 * with their layouts or pages (loadMessages); English (all of it) comes in its own chunk when
 * someone chooses it (loadDictionary). The login page's first paint waits for none of them.
 */
const DICTIONARIES: Partial<Record<Language, Dictionary>> = { nl: { ...nl } }
/** The error messages (shared with the server), the English ones with the other English texts. */
const ERROR_TEXTS: Partial<Record<Language, Record<ErrorMessageCode, string>>> = { nl: ERROR_MESSAGES_NL }

/** Loads a language's texts (once); main.tsx waits for it before the first paint. */
export async function loadDictionary(language: Language): Promise<void> {
  if (DICTIONARIES[language]) return
  const { en, enErrors } = await import('./en.ts')
  DICTIONARIES.en = en
  ERROR_TEXTS.en = enErrors
}

/** The message for an error code in `language` (in Dutch while that language's texts are not here). */
export function errorText(code: ErrorMessageCode, language: Language): string {
  return (ERROR_TEXTS[language] ?? ERROR_MESSAGES_NL)[code]
}

/** Whether `code` is one the shared error messages know. */
export function isErrorMessageCode(code: string): code is ErrorMessageCode {
  return Object.hasOwn(ERROR_MESSAGES_NL, code)
}

export type MessagePart = 'secondFactor' | 'account' | 'clientRecord' | 'profile' | 'workspace' | 'admin' | 'grants'
const loadedParts = new Set<MessagePart>()

/** Adds the Dutch texts of the login's second step, the account's pages, the client record, Mijn profiel, the workspace, the administrators' pages or "Iemand toegang geven"; the lazy layouts and pages wait for it. */
export async function loadMessages(part: MessagePart): Promise<void> {
  if (loadedParts.has(part)) return
  const messages =
    part === 'secondFactor' ? (await import('./nl-second-factor.ts')).nlSecondFactor
    : part === 'account' ? (await import('./nl-account.ts')).nlAccount
    : part === 'clientRecord' ? (await import('./nl-client-record.ts')).nlClientRecord
    : part === 'profile' ? (await import('./nl-profile.ts')).nlProfile
    : part === 'admin' ? (await import('./nl-admin.ts')).nlAdmin
    : part === 'grants' ? (await import('./nl-access-grants.ts')).nlAccessGrants
    : (await import('./nl-workspace.ts')).nlWorkspace
  Object.assign(DICTIONARIES.nl ?? {}, messages)
  loadedParts.add(part)
}

export type Translate = (key: MessageKey, values?: Record<string, string>) => string

/**
 * Switches to a language once its texts are here. When they cannot be loaded (a lost
 * connection), the page stays in the language it has rather than mixing the two.
 */
function chooseLanguage(language: Language): void {
  loadDictionary(language).then(
    () => setLanguage(language),
    () => undefined,
  )
}

/** The current language and a way to change it; re-renders when it changes. */
export function useLanguage(): [Language, (language: Language) => void] {
  const language = useSyncExternalStore(subscribeToLanguage, getLanguage)
  return [language, chooseLanguage]
}

/** Returns `t(key, values)`: the text for a key in the current language, `{name}` filled in. */
export function useT(): Translate {
  const [language] = useLanguage()
  return useCallback(
    (key, values) => {
      // A key whose texts have not arrived shows as itself: a visible fault, not a crash.
      const text = (DICTIONARIES[language] ?? DICTIONARIES.nl)?.[key] ?? key
      return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole) : text
    },
    [language],
  )
}
