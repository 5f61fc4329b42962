import { useId } from 'react'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { usePasskeyLogin } from '../hooks/use-passkey-login.ts'
import { deviceProblem } from '../utils/errors.ts'
import './passkey-login.css'

/**
 * "Inloggen met een passkey" on the login page: no password, no SMS code, only the
 * fingerprint, face or PIN of this device. The login page moves on by itself once the
 * session is there; terms or a new password may still be owed, as after any login.
 * Hidden in browsers that cannot use passkeys at all.
 */
export function PasskeyLogin({ className = '' }: { className?: string }) {
  const t = useT()
  const [language] = useLanguage()
  const id = useId()
  const login = usePasskeyLogin()

  // @simplewebauthn/browser's browserSupportsWebAuthn() is this test; that library loads on use only.
  if (typeof window.PublicKeyCredential !== 'function') return null

  const problem = login.isError ? deviceProblem(login.error) : null

  return (
    <div className={`passkey-login ${className}`}>
      <p className="passkey-login__or">
        <span>{t('passkeyLogin.or')}</span>
      </p>
      {login.isError ? (
        <Alert>
          <p>{problem ? t('passkeyLogin.cancelled') : errorMessage(login.error, language)}</p>
        </Alert>
      ) : null}
      <div>
        <Button variant="secondary" aria-describedby={`${id}-hint`} aria-disabled={login.isPending || undefined} onClick={() => !login.isPending && login.mutate()}>
          {t('passkeyLogin.button')}
        </Button>
      </div>
      <p id={`${id}-hint`} className="passkey-login__hint">
        {t('passkeyLogin.hint')}
      </p>
      <p role="status" className="passkey-login__pending">
        {login.isPending ? t('passkeyLogin.pending') : ''}
      </p>
    </div>
  )
}
