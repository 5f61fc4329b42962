import { type FormEvent, useRef, useState } from 'react'
import type { OrganisationSettings, OrganisationSettingsRequest } from '@shared/schemas/admin-organisation.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Checkbox } from '@/components/ui/checkbox.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { TextArea } from '@/components/ui/text-area.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useOrganisationSettings } from '../api/get-settings.ts'
import { useSaveSettings } from '../api/save-settings.ts'
import { ColourField, colourProblem } from './colour-field.tsx'
import { LoginPolicySection } from './login-policy-section.tsx'
import { LogoSection } from './logo-section.tsx'
import '../../admin.css'

/** "Organisatie": waits for the saved settings, then shows the form filled in with them. */
export function OrganisationPage() {
  const t = useT()
  const settings = useOrganisationSettings()
  return (
    <div className="card">
      <PageHeading>{t('admin.organisation.title')}</PageHeading>
      <p>{t('admin.organisation.intro')}</p>
      {settings.isPending ? <Loading>{t('admin.loading')}</Loading> : null}
      {settings.isError ? <LoadError message={t('admin.loadError')} retryLabel={t('admin.retry')} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? (
        <>
          <SettingsForm settings={settings.data} />
          <LogoSection settings={settings.data} />
          <LoginPolicySection />
        </>
      ) : null}
    </div>
  )
}

type NumberField = 'passwordMinLength' | 'sessionIdleMinutes' | 'sessionMaxHours'
const LIMITS: Record<NumberField, [number, number]> = { passwordMinLength: [8, 64], sessionIdleMinutes: [2, 120], sessionMaxHours: [1, 24] }

function SettingsForm({ settings }: { settings: OrganisationSettings }) {
  const t = useT()
  const [language] = useLanguage()
  const save = useSaveSettings()
  const [form, setForm] = useState<OrganisationSettingsRequest>(() => {
    const { logoUrl: _logo, ...rest } = settings
    return rest
  })
  const [numbers, setNumbers] = useState<Record<NumberField, string>>({
    passwordMinLength: String(settings.passwordMinLength),
    sessionIdleMinutes: String(settings.sessionIdleMinutes),
    sessionMaxHours: String(settings.sessionMaxHours),
  })
  const [errors, setErrors] = useState<Partial<Record<'name' | NumberField, MessageKey>>>({})
  const [submitted, setSubmitted] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    save.reset()
    const found: typeof errors = {}
    if (!form.name.trim()) found.name = 'admin.organisation.nameRequired'
    const parsed = {} as Record<NumberField, number>
    for (const field of Object.keys(LIMITS) as NumberField[]) {
      const [min, max] = LIMITS[field]
      const value = Number(numbers[field])
      if (!/^\d+$/.test(numbers[field].trim()) || value < min || value > max) found[field] = 'admin.organisation.numberInvalid'
      parsed[field] = value
    }
    if (!found.sessionIdleMinutes && !found.sessionMaxHours && parsed.sessionIdleMinutes > parsed.sessionMaxHours * 60) found.sessionIdleMinutes = 'admin.organisation.idleTooLong'
    setErrors(found)
    if (Object.keys(found).length > 0 || colourProblem(form.primaryColor) || colourProblem(form.accentColor)) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
      return
    }
    save.mutate({ ...form, name: form.name.trim(), primaryColor: form.primaryColor.toLowerCase(), accentColor: form.accentColor.toLowerCase(), ...parsed })
  }

  const numberError = (field: NumberField) => {
    const key = errors[field]
    if (!key) return undefined
    const [min, max] = LIMITS[field]
    return t(key, { min: String(min), max: String(max) })
  }
  const numberField = (field: NumberField, id: string, label: MessageKey) => (
    <TextField id={id} inputMode="numeric" label={t(label)} value={numbers[field]} maxLength={3} error={numberError(field)} onChange={(event) => setNumbers({ ...numbers, [field]: event.target.value })} />
  )

  return (
    <form ref={formRef} className="admin-form" onSubmit={onSubmit} noValidate>
      {save.isSuccess ? (
        <Notice>
          <p>{t('admin.organisation.saved')}</p>
        </Notice>
      ) : null}
      {save.error ? <Alert>{errorMessage(save.error, language)}</Alert> : null}
      <fieldset className="admin-fieldset">
        <legend>{t('admin.organisation.branding')}</legend>
        <TextField id="organisatie-naam" label={t('admin.organisation.name')} value={form.name} maxLength={120} error={errors.name ? t(errors.name) : undefined} onChange={(event) => setForm({ ...form, name: event.target.value })} />
        <TextField id="organisatie-ondertitel" label={t('admin.organisation.tagline')} value={form.tagline} maxLength={200} onChange={(event) => setForm({ ...form, tagline: event.target.value })} />
        <ColourField id="organisatie-hoofdkleur" label={t('admin.organisation.primaryColor')} value={form.primaryColor} showError={submitted} onChange={(primaryColor) => setForm({ ...form, primaryColor })} />
        <ColourField id="organisatie-accentkleur" label={t('admin.organisation.accentColor')} value={form.accentColor} showError={submitted} onChange={(accentColor) => setForm({ ...form, accentColor })} />
        <p id="organisatie-hulptekst-uitleg" className="admin-hint">
          {t('admin.organisation.supportTextHint')}
        </p>
        <TextArea
          id="organisatie-hulptekst"
          label={t('admin.organisation.supportText')}
          value={form.supportText}
          maxLength={2000}
          rows={4}
          describedBy="organisatie-hulptekst-uitleg"
          onChange={(event) => setForm({ ...form, supportText: event.target.value })}
        />
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t('admin.organisation.security')}</legend>
        {numberField('passwordMinLength', 'organisatie-wachtwoordlengte', 'admin.organisation.passwordMinLength')}
        <Checkbox
          id="organisatie-samenstelling"
          label={t('admin.organisation.passwordRequireComposition')}
          checked={form.passwordRequireComposition}
          onChange={(event) => setForm({ ...form, passwordRequireComposition: event.target.checked })}
        />
        {numberField('sessionIdleMinutes', 'organisatie-inactief', 'admin.organisation.sessionIdleMinutes')}
        {numberField('sessionMaxHours', 'organisatie-sessieduur', 'admin.organisation.sessionMaxHours')}
      </fieldset>
      <Actions>
        <Button type="submit" aria-disabled={save.isPending}>
          {t('admin.organisation.submit')}
        </Button>
      </Actions>
    </form>
  )
}
