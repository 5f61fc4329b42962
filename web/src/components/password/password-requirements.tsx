import { useEffect, useState } from 'react'
import type { PasswordProblem } from '@shared/password-policy.ts'
import { CheckIcon, CrossIcon, DotIcon } from '@/components/ui/icons.tsx'
import { useT } from '@/i18n/use-t.ts'
import type { PasswordPolicy } from '@/lib/password-policy.ts'
import './password-requirements.css'

type RuleState = 'open' | 'checking' | 'met' | 'unmet'

type PasswordRequirementsProps = {
  id: string
  password: string
  problems: readonly PasswordProblem[] | null
  /** The rule is still loading; when false with no problems known, the rules show without marks. */
  checking: boolean
  policy: PasswordPolicy | undefined
  /** What the server said on the last submit; shown until the password changes. */
  serverProblems: readonly string[]
}

/** How long typing must pause before the screen reader hears what is still missing. */
const ANNOUNCE_AFTER_MS = 1500

/**
 * The rules of a new password, each marked as met or not while the person types (by an
 * icon and a word, never by colour alone). Screen readers hear a short summary once the
 * typing pauses, not a message at every key.
 */
export function PasswordRequirements({ id, password, problems, checking, policy, serverProblems }: PasswordRequirementsProps) {
  const t = useT()
  const minLength = String(policy?.minLength ?? 12)
  const maxLength = String(policy?.maxLength ?? 128)
  const rules: PasswordProblem[] = ['too_short', 'contains_name', 'too_common']
  if (policy?.requireComposition) rules.push('needs_composition')
  if (problems?.includes('too_long') || serverProblems.includes('too_long')) rules.splice(1, 0, 'too_long')
  const longEnough = [...password].length >= Number(minLength)

  const stateOf = (rule: PasswordProblem): RuleState => {
    if (password === '') return 'open'
    if (serverProblems.includes(rule)) return 'unmet'
    if (problems === null) return checking ? 'checking' : 'open'
    // How easy it is to guess is only worked out once the password is long enough.
    if (rule === 'too_common' && !longEnough) return 'open'
    return problems.includes(rule) ? 'unmet' : 'met'
  }
  const text = (rule: PasswordProblem) => t(`password.rule.${rule}`, { min: minLength, max: maxLength })

  const missing = rules.filter((rule) => stateOf(rule) === 'unmet' || stateOf(rule) === 'open').map(text)
  const summary = password === '' || problems === null ? '' : missing.length === 0 ? t('password.allMet') : t('password.stillNeeded', { rules: missing.join(', ') })
  const announced = useSettledText(summary)

  return (
    <div id={id} className="password-rules">
      <p className="password-rules__title">{t('password.rulesTitle')}</p>
      <ul className="password-rules__list">
        {rules.map((rule) => {
          const state = stateOf(rule)
          return (
            <li key={rule} className={`password-rules__rule password-rules__rule--${state}`}>
              {state === 'met' ? <CheckIcon /> : state === 'unmet' ? <CrossIcon /> : <DotIcon />}
              <span>
                {text(rule)}
                {state === 'open' ? null : <span className="visually-hidden">{` (${t(state === 'met' ? 'password.ruleMet' : state === 'unmet' ? 'password.ruleNotMet' : 'password.ruleChecking')})`}</span>}
              </span>
            </li>
          )
        })}
      </ul>
      <p className="password-rules__tip">{t('password.tip')}</p>
      <p role="status" className="visually-hidden">
        {announced}
      </p>
    </div>
  )
}

/** The text once it has stopped changing for a moment. */
function useSettledText(text: string): string {
  const [settled, setSettled] = useState(text)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ANNOUNCE_AFTER_MS)
    return () => clearTimeout(timer)
  }, [text])
  return settled
}
