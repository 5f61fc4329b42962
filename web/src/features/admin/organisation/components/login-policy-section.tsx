import { type FormEvent, useId, useState } from 'react'
import type { LoginPolicy, LoginPolicySettings } from '@shared/schemas/login-policy.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useLoginPolicy, useSaveLoginPolicy } from '../api/login-policy.ts'

const POLICIES: readonly LoginPolicy[] = ['digid_only', 'digid_or_strong', 'with_sms']

/**
 * "Manieren van inloggen": which ways in are enough to read the record. SMS stays possible as
 * a legacy setting, with the data protection authority's position beside it.
 */
export function LoginPolicySection() {
  const t = useT()
  const policy = useLoginPolicy()
  return (
    <section className="admin-section">
      {policy.isPending ? <Loading>{t('admin.loading')}</Loading> : null}
      {policy.isError ? <LoadError message={t('admin.loadError')} retryLabel={t('admin.retry')} onRetry={() => void policy.refetch()} /> : null}
      {policy.data ? <LoginPolicyForm settings={policy.data} /> : null}
    </section>
  )
}

function LoginPolicyForm({ settings }: { settings: LoginPolicySettings }) {
  const t = useT()
  const id = useId()
  const [language] = useLanguage()
  const save = useSaveLoginPolicy()
  const [chosen, setChosen] = useState<LoginPolicy>(settings.loginPolicy)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!save.isPending) save.mutate(chosen)
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.loginPolicy.title')}</h2>
      <p>{t('admin.loginPolicy.intro')}</p>
      {save.isSuccess && save.data.loginPolicy === chosen ? (
        <Notice>
          <p>{t('admin.loginPolicy.saved')}</p>
        </Notice>
      ) : null}
      {save.isError ? (
        <Alert>
          <p>{errorMessage(save.error, language)}</p>
        </Alert>
      ) : null}
      <fieldset className="admin-fieldset">
        <legend>{t('admin.loginPolicy.legend')}</legend>
        {POLICIES.map((option) => {
          const unavailable = option === 'digid_only' && !settings.digidEnabled
          return (
            <div key={option} className="checkbox__row">
              <input
                type="radio"
                id={`${id}-${option}`}
                name={`${id}-beleid`}
                className="checkbox__input"
                checked={chosen === option}
                disabled={unavailable}
                onChange={() => setChosen(option)}
              />
              <label htmlFor={`${id}-${option}`} className="checkbox__label">
                {t(`admin.loginPolicy.${option}`)}
                {unavailable ? ` ${t('admin.loginPolicy.digidNotConfigured')}` : ''}
              </label>
            </div>
          )
        })}
      </fieldset>
      {chosen === 'with_sms' ? (
        <Alert>
          <p>{t('admin.loginPolicy.smsWarning')}</p>
        </Alert>
      ) : null}
      <Actions>
        <Button type="submit" aria-disabled={save.isPending}>
          {t('admin.loginPolicy.submit')}
        </Button>
      </Actions>
    </form>
  )
}
