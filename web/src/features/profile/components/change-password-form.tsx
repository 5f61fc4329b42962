import type { Profile } from '@shared/schemas/profile.ts'
import { ChangePasswordForm as PasswordChangeForm } from '@/components/password/change-password-form.tsx'
import { Button } from '@/components/ui/button.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useChangePassword } from '../api/change-password.ts'

type ChangePasswordFormProps = { profile: Profile; onDone: () => void; onCancel: () => void }

/**
 * "Wachtwoord wijzigen" in the profile, opened in place: focus starts at the current password,
 * and a refused new password is said at its rules rather than above the form.
 */
export function ChangePasswordForm({ profile, onDone, onCancel }: ChangePasswordFormProps) {
  const t = useT()
  const change = useChangePassword()
  return (
    <PasswordChangeForm
      person={{ loginName: profile.loginName, names: [profile.displayName] }}
      pending={change.isPending}
      error={change.error}
      onSubmit={change.mutate}
      onChanged={onDone}
      title={t('profile.password.open')}
      focusOnOpen
      alertLeavesOut={['wrong_current_password', 'password_rejected']}
      classNames={{ form: 'profile-form', actions: 'profile-actions', pending: 'profile-pending' }}
      actions={
        <>
          <Button type="submit" aria-disabled={change.isPending || undefined}>
            {t('profile.password.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('profile.password.cancel')}
          </Button>
        </>
      }
    />
  )
}
