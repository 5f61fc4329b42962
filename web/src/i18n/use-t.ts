import { useCallback, useSyncExternalStore } from 'react'
import type { Language } from '@shared/error-messages.ts'
import { en } from './en.ts'
import { getLanguage, setLanguage, subscribeToLanguage } from './language-store.ts'
import { type MessageKey, nl } from './nl.ts'

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { nl, en }

export type Translate = (key: MessageKey, values?: Record<string, string>) => string

/** The current language and a way to change it; re-renders when it changes. */
export function useLanguage(): [Language, (language: Language) => void] {
  const language = useSyncExternalStore(subscribeToLanguage, getLanguage)
  return [language, setLanguage]
}

/** Returns `t(key, values)`: the text for a key in the current language, `{name}` filled in. */
export function useT(): Translate {
  const [language] = useLanguage()
  return useCallback(
    (key, values) => {
      const text = DICTIONARIES[language][key]
      return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole) : text
    },
    [language],
  )
}
