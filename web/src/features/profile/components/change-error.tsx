import { Alert } from '@/components/ui/alert.tsx'
import { useLanguage } from '@/i18n/use-t.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { needsReauthentication } from '../utils/errors.ts'
import { ReauthenticateForm } from './reauthenticate-form.tsx'

type ChangeErrorProps = {
  error: unknown
  /** Repeats the change after the password was given again. */
  onRetry: () => void
  /** Gives up: the section goes back to how it was. */
  onCancel: () => void
}

/**
 * The answer to a failed change. When the login is too old for this change, the person is
 * asked for the password right here and the change is repeated; otherwise the message.
 */
export function ChangeError({ error, onRetry, onCancel }: ChangeErrorProps) {
  const [language] = useLanguage()
  if (needsReauthentication(error)) return <ReauthenticateForm onConfirmed={onRetry} onCancel={onCancel} />
  return (
    <Alert>
      <p>{errorMessage(error, language)}</p>
    </Alert>
  )
}
