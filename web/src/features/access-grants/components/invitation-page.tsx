import { type FormEvent, useEffect, useState } from 'react'
import { Link } from 'react-router'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { ButtonLink } from '@/components/ui/button-link.tsx'
import { Loading } from '@/components/ui/load-state.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { ApiError } from '@/lib/api-client.ts'
import { clientPath } from '@/lib/client-record-paths.ts'
import { formatDay } from '@/lib/dates.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useAcceptInvitation, useInvitation, useRegisterFromInvitation } from '../api/access-grants.ts'
import { sectionNames } from './section-names.ts'

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/

/** The token after '#' (never sent to a server log or Referer), taken once and removed from the address bar. */
function useInvitationToken(): string {
  const [token] = useState(() => {
    const raw = window.location.hash.slice(1)
    return TOKEN_PATTERN.test(raw) ? raw : ''
  })
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search)
  }, [])
  return token
}

/**
 * The page of the invitation e-mail (/uitnodiging#<token>): who invites, for which sections;
 * accept into one's own account (logged in, same e-mail address) or make a new account.
 */
export function InvitationPage() {
  const t = useT()
  const [language] = useLanguage()
  const token = useInvitationToken()
  const invitation = useInvitation(token)
  const accept = useAcceptInvitation()
  const register = useRegisterFromInvitation()
  const [loginName, setLoginName] = useState('')
  const [tried, setTried] = useState(false)

  const invalid = token === '' || (invitation.error instanceof ApiError && invitation.error.status === 404)
  const onRegister = (event: FormEvent) => {
    event.preventDefault()
    setTried(true)
    if (loginName.trim() && !register.isPending) register.mutate({ token, loginName: loginName.trim() })
  }
  const acceptError =
    accept.error instanceof ApiError && accept.error.status === 403 ? t('invitation.otherEmail')
    : accept.error instanceof ApiError && accept.error.status === 401 ? t('invitation.logIn')
    : accept.error ? errorMessage(accept.error, language) : null
  const registerError = register.error instanceof ApiError && register.error.code === 'conflict' ? t('invitation.loginNameTaken') : register.error ? errorMessage(register.error, language) : null

  return (
    <div className="card card--narrow">
      <PageHeading>{t('invitation.title')}</PageHeading>
      {invalid ? <Alert>{t('invitation.invalid')}</Alert> : null}
      {!invalid && invitation.isPending ? <Loading>{t('invitation.loading')}</Loading> : null}
      {accept.isSuccess && accept.data.awaitingApproval ? (
        <Notice>
          <p>{t('invitation.awaitingApproval')}</p>
        </Notice>
      ) : null}
      {accept.isSuccess && !accept.data.awaitingApproval ? (
        <Notice>
          <p>{t('invitation.accepted')}</p>
          <ButtonLink variant="primary" to={clientPath(accept.data.clientId)}>
            {t('invitation.toRecord')}
          </ButtonLink>
        </Notice>
      ) : null}
      {register.isSuccess ? (
        <Notice>
          <p>{t(register.data.awaitingApproval ? 'invitation.registeredAwaiting' : 'invitation.registered', { loginName: register.data.loginName })}</p>
        </Notice>
      ) : null}
      {invitation.data && !accept.isSuccess && !register.isSuccess ? (
        <>
          <p>{t('invitation.from', { name: invitation.data.grantedByName, sections: sectionNames(invitation.data.permissions, t) })}</p>
          {invitation.data.endsOn ? <p>{t('invitation.until', { date: formatDay(invitation.data.endsOn, language) })}</p> : null}
          <section aria-labelledby="uitnodiging-account">
            <h2 id="uitnodiging-account">{t('invitation.haveAccount')}</h2>
            {acceptError ? <Alert>{acceptError}</Alert> : null}
            <p>
              <Link to="/inloggen">{t('login.submit')}</Link>. {t('invitation.logIn')}
            </p>
            <Actions>
              <Button aria-disabled={accept.isPending} onClick={() => !accept.isPending && accept.mutate(token)}>
                {t('invitation.accept')}
              </Button>
            </Actions>
          </section>
          <section aria-labelledby="uitnodiging-nieuw">
            <h2 id="uitnodiging-nieuw">{t('invitation.newAccount')}</h2>
            <p>{t('invitation.newAccountIntro')}</p>
            {registerError ? <Alert>{registerError}</Alert> : null}
            <form onSubmit={onRegister} noValidate>
              <TextField
                id="uitnodiging-gebruikersnaam"
                label={t('invitation.loginName')}
                value={loginName}
                maxLength={64}
                autoComplete="username"
                describedBy="uitnodiging-gebruikersnaam-hint"
                error={tried && !loginName.trim() ? t('grants.required') : undefined}
                onChange={(e) => setLoginName(e.target.value)}
              />
              <p id="uitnodiging-gebruikersnaam-hint">{t('invitation.loginNameHint')}</p>
              <Actions>
                <Button type="submit" variant="secondary" aria-disabled={register.isPending}>
                  {t('invitation.register')}
                </Button>
              </Actions>
            </form>
          </section>
        </>
      ) : null}
    </div>
  )
}
