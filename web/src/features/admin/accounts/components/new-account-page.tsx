import { type FormEvent, useRef, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import type { NewPortalAccountRequest } from '@shared/schemas/admin-accounts.ts'
import { Alert } from '@/components/ui/alert.tsx'
import { Actions } from '@/components/ui/actions.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Checkbox } from '@/components/ui/checkbox.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { ApiError } from '@/lib/api-client.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { ADMIN_PAGES, accountPath } from '../../admin-paths.ts'
import { useCreateAccount } from '../api/create-account.ts'
import type { AccountPageState } from './account-page.tsx'
import '../../admin.css'
import { isValidBsn } from '@shared/bsn.ts'

type Field = 'name' | 'email' | 'mobilePhone' | 'loginName' | 'bsn'

// The server's own rules (server/identity/accounts/account.service.ts), checked here first so
// each field can say what is wrong; the server checks again and stays the judge.
const LOGIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^(\+[1-9]\d{7,14}|0[1-9]\d{8})$/

function problems(form: Record<Field, string>): Partial<Record<Field, MessageKey>> {
  const result: Partial<Record<Field, MessageKey>> = {}
  if (!form.name.trim()) result.name = 'admin.newAccount.nameRequired'
  if (!EMAIL.test(form.email.trim())) result.email = 'admin.newAccount.emailInvalid'
  const phone = form.mobilePhone.replace(/\(0\)/g, '').replace(/[\s().-]/g, '').replace(/^00/, '+')
  if (!PHONE.test(phone)) result.mobilePhone = 'admin.newAccount.phoneInvalid'
  if (!LOGIN_NAME.test(form.loginName.trim())) result.loginName = 'admin.newAccount.loginNameInvalid'
  const bsn = form.bsn.replace(/[\s.]/g, '')
  if (bsn !== '' && !isValidBsn(bsn)) result.bsn = 'admin.newAccount.bsnInvalid'
  return result
}

/** "Nieuw account": the registration form typed in; on to the account page to link it to a client. */
export function NewAccountPage() {
  const t = useT()
  const [language] = useLanguage()
  const navigate = useNavigate()
  const create = useCreateAccount()
  const [form, setForm] = useState<Record<Field, string>>({ name: '', email: '', mobilePhone: '', loginName: '', bsn: '' })
  const [temporaryPassword, setTemporaryPassword] = useState(false)
  const [errors, setErrors] = useState<Partial<Record<Field, MessageKey>>>({})
  const formRef = useRef<HTMLFormElement>(null)
  // After the errors render: to the first field that has one, in the form's order.
  const focusFirstError = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())

  const set = (field: Field) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value })

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found = problems(form)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      focusFirstError()
      return
    }
    const request: NewPortalAccountRequest = {
      name: form.name.trim(),
      email: form.email.trim(),
      mobilePhone: form.mobilePhone.trim(),
      loginName: form.loginName.trim(),
      ...(temporaryPassword ? { temporaryPassword: true } : {}),
      ...(form.bsn.trim() !== '' ? { bsn: form.bsn.replace(/[\s.]/g, '') } : {}),
    }
    create.mutate(request, {
      onSuccess: (created) => {
        const state: AccountPageState = { created: created.loginName, ...(created.temporaryPassword ? { temporaryPassword: created.temporaryPassword } : {}) }
        void navigate(accountPath(created.id), { state })
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'conflict') {
          setErrors({ loginName: 'admin.newAccount.loginNameTaken' })
          focusFirstError()
        }
      },
    })
  }

  const serverError = create.error && !(create.error instanceof ApiError && create.error.code === 'conflict') ? errorMessage(create.error, language) : null
  const error = (field: Field) => (errors[field] ? t(errors[field]) : undefined)

  return (
    <div className="card">
      <p>
        <Link to={ADMIN_PAGES.accounts}>{t('admin.account.back')}</Link>
      </p>
      <PageHeading>{t('admin.newAccount.title')}</PageHeading>
      <p>{t('admin.newAccount.intro')}</p>
      {serverError ? <Alert>{serverError}</Alert> : null}
      <form ref={formRef} className="admin-form" onSubmit={onSubmit} noValidate>
        <TextField id="account-naam" label={t('admin.newAccount.name')} autoComplete="off" value={form.name} maxLength={200} onChange={set('name')} error={error('name')} />
        <TextField id="account-email" type="email" label={t('admin.newAccount.email')} autoComplete="off" value={form.email} maxLength={254} onChange={set('email')} error={error('email')} />
        <p id="account-mobiel-uitleg" className="admin-hint">
          {t('admin.newAccount.mobilePhoneHint')}
        </p>
        <TextField
          id="account-mobiel"
          type="tel"
          label={t('admin.newAccount.mobilePhone')}
          autoComplete="off"
          value={form.mobilePhone}
          maxLength={30}
          onChange={set('mobilePhone')}
          error={error('mobilePhone')}
          describedBy="account-mobiel-uitleg"
         
        />
        <p id="account-gebruikersnaam-uitleg" className="admin-hint">
          {t('admin.newAccount.loginNameHint')}
        </p>
        <TextField
          id="account-gebruikersnaam"
          label={t('admin.newAccount.loginName')}
          autoComplete="off"
          value={form.loginName}
          maxLength={64}
          onChange={set('loginName')}
          error={error('loginName')}
          describedBy="account-gebruikersnaam-uitleg"
         
        />
        <p id="account-bsn-uitleg" className="admin-hint">
          {t('admin.newAccount.bsnHint')}
        </p>
        <TextField
          id="account-bsn"
          label={t('admin.newAccount.bsn')}
          autoComplete="off"
          inputMode="numeric"
          value={form.bsn}
          maxLength={20}
          onChange={set('bsn')}
          error={error('bsn')}
          describedBy="account-bsn-uitleg"
        />
        <Checkbox id="account-tijdelijk" label={t('admin.newAccount.temporaryPassword')} checked={temporaryPassword} onChange={(event) => setTemporaryPassword(event.target.checked)} />
        <Actions>
          <Button type="submit" aria-disabled={create.isPending}>
            {t('admin.newAccount.submit')}
          </Button>
        </Actions>
        {create.isPending ? <p role="status">{t('admin.pending')}</p> : null}
      </form>
    </div>
  )
}
