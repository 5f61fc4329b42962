import { Suspense, lazy, useState } from 'react'
import type { LoginChallenge } from '@shared/schemas/auth.ts'
import { Alert } from '@/components/ui/alert.tsx'
import { errorText, loadMessages, useLanguage, useT } from '@/i18n/use-t.ts'
import { LoginForm } from './login-form.tsx'
import type { SecondFactorStep as SecondFactorStepType } from './second-factor-step.tsx'

/**
 * The second step (code, app, recovery code) is not needed until a password is sent: its
 * JavaScript and Dutch texts are asked for when the form is submitted, together with the
 * password's request (useCreateSession), and the form says "Even geduld" until both are in. Once
 * in, the step renders at once, without a Suspense fallback in between; the fallback shows only
 * when the step could not be loaded with the request and is asked for again.
 */
let LoadedSecondFactorStep: typeof SecondFactorStepType | undefined
const loadSecondFactorStep = () =>
  Promise.all([loadMessages('secondFactor'), import('./second-factor-step.tsx')]).then(([, module]) => {
    LoadedSecondFactorStep = module.SecondFactorStep
    return { default: module.SecondFactorStep }
  })
const LazySecondFactorStep = lazy(loadSecondFactorStep)
const loadNextStep = () => (LoadedSecondFactorStep ? Promise.resolve() : loadSecondFactorStep())

type Step =
  | { name: 'password'; loginName: string; expired: boolean }
  | { name: 'second-factor'; loginName: string; challenge: LoginChallenge }

/**
 * The two steps of logging in on one page. The attempt token lives only in this
 * component's state: never in the address, never in storage.
 */
export function LoginJourney() {
  const t = useT()
  const [language] = useLanguage()
  const [step, setStep] = useState<Step>({ name: 'password', loginName: '', expired: false })

  if (step.name === 'second-factor') {
    const SecondFactorStep = LoadedSecondFactorStep ?? LazySecondFactorStep
    return (
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        <SecondFactorStep
          challenge={step.challenge}
          onExpired={() => setStep({ name: 'password', loginName: step.loginName, expired: true })}
          onStartOver={() => setStep({ name: 'password', loginName: step.loginName, expired: false })}
        />
      </Suspense>
    )
  }
  return (
    <LoginForm
      key={step.expired ? 'expired' : 'fresh'}
      initialLoginName={step.loginName}
      onChallenge={(challenge, loginName) => setStep({ name: 'second-factor', loginName, challenge })}
      loadNextStep={loadNextStep}
      notice={
        step.expired ? (
          <Alert>
            <p>{errorText('login_expired', language)}</p>
          </Alert>
        ) : null
      }
    />
  )
}
