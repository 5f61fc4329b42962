import { type FormEvent, useRef, useState } from 'react'
import type { Static } from 'typebox'
import type { StaffRoles, Team } from '@shared/schemas/admin-staff.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { ApiError } from '@/lib/api-client.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useCreateStaff } from '../api/create-staff.ts'
import { RolesAndTeamsFields } from './roles-and-teams-fields.tsx'

type Field = 'name' | 'email' | 'mobilePhone' | 'loginName' | 'roles'

// The account rules of the server (server/identity/accounts/account.service.ts), checked here first per field.
const LOGIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^(\+[1-9]\d{7,14}|0[1-9]\d{8})$/

/** "Nieuwe medewerker": name, e-mail, mobile number, login name, discipline, roles and teams. */
export function NewStaffForm({ teams, onDone }: { teams: Static<typeof Team>[]; onDone: (name: string | null) => void }) {
  const t = useT()
  const [language] = useLanguage()
  const create = useCreateStaff()
  const [form, setForm] = useState({ name: '', email: '', mobilePhone: '', loginName: '', discipline: '' })
  const [roles, setRoles] = useState<StaffRoles>({ caregiver: true, administrator: false })
  const [teamIds, setTeamIds] = useState<string[]>([])
  const [errors, setErrors] = useState<Partial<Record<Field, MessageKey>>>({})
  const formRef = useRef<HTMLFormElement>(null)

  const set = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found: Partial<Record<Field, MessageKey>> = {}
    if (!form.name.trim()) found.name = 'admin.newAccount.nameRequired'
    if (!EMAIL.test(form.email.trim())) found.email = 'admin.newAccount.emailInvalid'
    if (!PHONE.test(form.mobilePhone.replace(/[\s().-]/g, '').replace(/^00/, '+'))) found.mobilePhone = 'admin.newAccount.phoneInvalid'
    if (!LOGIN_NAME.test(form.loginName.trim())) found.loginName = 'admin.newAccount.loginNameInvalid'
    if (!roles.caregiver && !roles.administrator) found.roles = 'admin.staff.rolesRequired'
    setErrors(found)
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
      return
    }
    create.mutate(
      { name: form.name.trim(), email: form.email.trim(), mobilePhone: form.mobilePhone.trim(), loginName: form.loginName.trim(), discipline: form.discipline.trim(), roles, teamIds },
      {
        onSuccess: (member) => onDone(member.name),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'conflict') setErrors({ loginName: 'admin.newAccount.loginNameTaken' })
        },
      },
    )
  }
  const error = (field: Field) => (errors[field] ? t(errors[field]) : undefined)
  const serverError = create.error && !(create.error instanceof ApiError && create.error.code === 'conflict') ? errorMessage(create.error, language) : null

  return (
    <section className="admin-section" aria-labelledby="medewerker-nieuw">
      <h2 id="medewerker-nieuw">{t('admin.staff.new')}</h2>
      {serverError ? <Alert>{serverError}</Alert> : null}
      <form ref={formRef} className="admin-form" onSubmit={onSubmit} noValidate>
        <TextField id="medewerker-naam" label={t('admin.newAccount.name')} autoComplete="off" value={form.name} maxLength={200} error={error('name')} onChange={set('name')} />
        <TextField id="medewerker-email" type="email" label={t('admin.newAccount.email')} autoComplete="off" value={form.email} maxLength={254} error={error('email')} onChange={set('email')} />
        <TextField id="medewerker-mobiel" type="tel" label={t('admin.newAccount.mobilePhone')} autoComplete="off" value={form.mobilePhone} maxLength={30} error={error('mobilePhone')} onChange={set('mobilePhone')} />
        <TextField id="medewerker-gebruikersnaam" label={t('admin.newAccount.loginName')} autoComplete="off" value={form.loginName} maxLength={64} error={error('loginName')} onChange={set('loginName')} />
        <TextField id="medewerker-discipline" label={t('admin.staff.discipline')} autoComplete="off" value={form.discipline} maxLength={100} onChange={set('discipline')} />
        <RolesAndTeamsFields idPrefix="medewerker-nieuw" roles={roles} teamIds={teamIds} teams={teams} rolesError={error('roles')} onRoles={setRoles} onTeams={setTeamIds} />
        <Actions>
          <Button type="submit" aria-disabled={create.isPending}>
            {t('admin.staff.submit')}
          </Button>
          <Button variant="secondary" onClick={() => onDone(null)}>
            {t('admin.cancel')}
          </Button>
        </Actions>
      </form>
    </section>
  )
}
