import { useState } from 'react'
import type { LoginChallenge } from '@shared/schemas/auth.ts'
import { Alert } from '@/components/ui/alert.tsx'
import { useLanguage } from '@/i18n/use-t.ts'
import { ERROR_MESSAGES } from '@shared/error-messages.ts'
import { LoginForm } from './login-form.tsx'
import { SecondFactorStep } from './second-factor-step.tsx'

type Step =
  | { name: 'password'; loginName: string; expired: boolean }
  | { name: 'second-factor'; loginName: string; challenge: LoginChallenge }

/**
 * The two steps of logging in on one page. The attempt token lives only in this
 * component's state: never in the address, never in storage.
 */
export function LoginJourney() {
  const [language] = useLanguage()
  const [step, setStep] = useState<Step>({ name: 'password', loginName: '', expired: false })

  if (step.name === 'second-factor') {
    return (
      <SecondFactorStep
        challenge={step.challenge}
        onExpired={() => setStep({ name: 'password', loginName: step.loginName, expired: true })}
        onStartOver={() => setStep({ name: 'password', loginName: step.loginName, expired: false })}
      />
    )
  }
  return (
    <LoginForm
      key={step.expired ? 'expired' : 'fresh'}
      initialLoginName={step.loginName}
      onChallenge={(challenge, loginName) => setStep({ name: 'second-factor', loginName, challenge })}
      notice={
        step.expired ? (
          <Alert>
            <p>{ERROR_MESSAGES.login_expired[language]}</p>
          </Alert>
        ) : null
      }
    />
  )
}
