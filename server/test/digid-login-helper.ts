import { SESSION_COOKIE } from '../identity/authentication/session.service.ts'
import { DIGID_COOKIE } from '../identity/digid/digid.routes.ts'
import { logInAtIdentityProvider } from './identity-provider.ts'
import { rememberSecret } from './log-capture.ts'
import { type LoggedIn, loggedInWith } from './login-helper.ts'
import type { TestApp } from './test-app.ts'

/** "Inloggen met DigiD" all the way, as `subject` at the test provider; returns the session like logIn does. */
export async function logInWithDigid(t: TestApp, subject: string): Promise<LoggedIn> {
  const start = await t.app.inject({ method: 'GET', url: '/api/digid/start' })
  const digidCookie = rememberSecret(start.cookies.find((c) => c.name === DIGID_COOKIE)?.value ?? '')
  const back = await logInAtIdentityProvider(String(start.headers.location), subject)
  const res = await t.app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, cookies: { [DIGID_COOKIE]: digidCookie } })
  const token = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value
  if (!token) throw new Error(`the DigiD login set no session cookie (went to ${String(res.headers.location)})`)
  return loggedInWith(t, token)
}
