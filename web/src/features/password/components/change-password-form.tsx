import { ChangePasswordForm as PasswordChangeForm } from '@/components/password/change-password-form.tsx'
import { Button } from '@/components/ui/button.tsx'
import { useT } from '@/i18n/use-t.ts'
import type { PasswordPerson } from '@/lib/use-password-problems.ts'
import { useChangePassword } from '../api/change-password.ts'
import './password-form.css'

/** "Wijzig wachtwoord" when a temporary password must be replaced before going on. */
export function ChangePasswordForm({ person, onChanged }: { person: PasswordPerson; onChanged: () => void }) {
  const t = useT()
  const change = useChangePassword()
  return (
    <PasswordChangeForm
      person={person}
      pending={change.isPending}
      error={change.error}
      onSubmit={change.mutate}
      onChanged={onChanged}
      alertLeavesOut={['wrong_current_password']}
      classNames={{ form: 'password-form', actions: 'password-form__actions', pending: 'password-form__pending' }}
      actions={
        <Button type="submit" aria-disabled={change.isPending || undefined}>
          {t('changePassword.submit')}
        </Button>
      }
    />
  )
}
