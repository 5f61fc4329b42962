import { useId, useState } from 'react'
import type { Profile, RecoveryCodes } from '@shared/schemas/profile.ts'
import { Button } from '@/components/ui/button.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useCreateRecoveryCodes } from '../api/create-recovery-codes.ts'
import { useRemoveTotp } from '../api/remove-totp.ts'
import { useStartTotpEnrolment } from '../api/start-totp-enrolment.ts'
import { ChangeError } from './change-error.tsx'
import { StatusMessage } from './status-message.tsx'
import { RecoveryCodesList } from './recovery-codes-list.tsx'
import { TotpEnrolmentSteps } from './totp-enrolment-steps.tsx'

type Step = { kind: 'idle' } | { kind: 'codes'; codes: RecoveryCodes['codes']; after: 'enrolled' | 'renewed' }

/**
 * The authenticator app (TOTP) and its recovery codes: set up with a QR code and a first
 * code, remove, or make new recovery codes. The codes are shown once, right here.
 */
export function TotpSection({ profile }: { profile: Profile }) {
  const t = useT()
  const id = useId()
  const start = useStartTotpEnrolment()
  const remove = useRemoveTotp()
  const renew = useCreateRecoveryCodes()
  const [step, setStep] = useState<Step>({ kind: 'idle' })
  const [removed, setRemoved] = useState(false)
  const { totp, recoveryCodesLeft } = profile.secondFactors

  const reset = () => {
    setRemoved(false)
    start.reset()
    remove.reset()
    renew.reset()
  }
  const begin = () => {
    reset()
    start.mutate()
  }
  const removeApp = () => {
    reset()
    remove.mutate(undefined, {
      onSuccess: () => {
        setRemoved(true)
        // The button that had focus is gone: continue from the section's heading.
        document.getElementById(`${id}-title`)?.focus()
      },
    })
  }
  const renewCodes = () => {
    reset()
    renew.mutate(undefined, { onSuccess: ({ codes }) => setStep({ kind: 'codes', codes, after: 'renewed' }) })
  }
  const backToStart = () => {
    setStep({ kind: 'idle' })
    requestAnimationFrame(() => document.getElementById(`${id}-title`)?.focus())
  }

  const failed = start.isError ? start : remove.isError ? remove : renew.isError ? renew : null
  const retry = start.isError ? begin : remove.isError ? removeApp : renewCodes

  return (
    <section className="card profile-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('profile.totp.title')}
      </h2>
      <p>{t('profile.totp.intro')}</p>
      <StatusMessage>{removed ? t('profile.totp.removed') : step.kind === 'codes' && step.after === 'enrolled' ? t('profile.totp.enabled') : null}</StatusMessage>

      {step.kind === 'codes' ? (
        <RecoveryCodesList codes={step.codes} onDone={backToStart} />
      ) : start.data ? (
        <TotpEnrolmentSteps
          enrolment={start.data}
          onEnrolled={(codes) => {
            start.reset()
            setStep({ kind: 'codes', codes, after: 'enrolled' })
          }}
          onStartAgain={begin}
          onCancel={() => {
            start.reset()
            backToStart()
          }}
        />
      ) : (
        <>
          <p className="profile-status">{totp ? t('profile.totp.on') : t('profile.totp.off')}</p>
          <div className="profile-actions">
            {totp ? (
              <Button variant="secondary" aria-disabled={remove.isPending || undefined} onClick={() => !remove.isPending && removeApp()}>
                {t('profile.totp.remove')}
              </Button>
            ) : (
              <Button aria-disabled={start.isPending || undefined} onClick={() => !start.isPending && begin()}>
                {t('profile.totp.setUp')}
              </Button>
            )}
          </div>
          {totp || recoveryCodesLeft > 0 ? (
            <>
              <h3>{t('profile.recovery.title')}</h3>
              <p>{t('profile.recovery.intro')}</p>
              <p className="profile-status">
                {recoveryCodesLeft > 1
                  ? t('profile.recovery.left', { count: String(recoveryCodesLeft) })
                  : recoveryCodesLeft === 1
                    ? t('profile.recovery.leftOne')
                    : t('profile.recovery.none')}
              </p>
              <div className="profile-actions">
                <Button variant="secondary" aria-disabled={renew.isPending || undefined} onClick={() => !renew.isPending && renewCodes()}>
                  {t('profile.recovery.new')}
                </Button>
              </div>
            </>
          ) : null}
        </>
      )}
      {failed ? <ChangeError error={failed.error} onRetry={retry} onCancel={reset} /> : null}
    </section>
  )
}
