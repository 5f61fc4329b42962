import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'

/** The portal's registration at the test IdP (PUBLIC_BASE_URL of the test app is http://localhost:3000). */
export const TEST_CLIENT = { id: 'clientportaal', secret: 'test-client-secret-for-the-local-identity-provider' }

/** Who can log in at the test IdP: subject → claims. */
export type IdpUsers = Map<string, Record<string, unknown>>

export interface TestIdentityProvider {
  issuer: string
  users: IdpUsers
  /** OIDC_* variables for createTestApp. */
  env: Record<string, string>
  close: () => Promise<void>
}

/**
 * A real OpenID Connect provider (oidc-provider) on a free local port. Logging in is its
 * development login form: any subject, no password. Consent is given up front, as an
 * organisation's IdP does for its own applications.
 */
export async function startTestIdentityProvider(): Promise<TestIdentityProvider> {
  const users: IdpUsers = new Map()
  // The issuer names the port, so the server listens before the provider exists.
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: ['http://localhost:3000/api/sso/callback'],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['preferred_username'] },
    pkce: { required: () => true },
    cookies: { keys: ['test-identity-provider-cookie-key'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: (_ctx: unknown, sub: string) => {
      const claims = users.get(sub)
      return claims ? { accountId: sub, claims: () => ({ sub, ...claims }) } : undefined
    },
    loadExistingGrant: async (ctx: { oidc: { client: { clientId: string }; session: { accountId: string }; provider: Provider } }) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
  })
  server.on('request', provider.callback())

  return {
    issuer,
    users,
    env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: TEST_CLIENT.id, OIDC_CLIENT_SECRET: TEST_CLIENT.secret },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}

/**
 * Walks a browser through the IdP from the portal's authorization URL: follows redirects, logs
 * `subject` in on the development login form, and returns the URL the IdP sends back to the portal.
 */
export async function logInAtIdentityProvider(authorizationUrl: string, subject: string): Promise<URL> {
  const cookies = new Map<string, string>()
  let url = new URL(authorizationUrl)
  let response = await visit(url, cookies)
  for (let step = 0; step < 10; step++) {
    const location = response.headers.get('location')
    if (!location) throw new Error(`the IdP answered ${response.status} without a redirect: ${await response.text()}`)
    url = new URL(location, url)
    if (url.pathname === '/api/sso/callback') return url
    response = url.pathname.startsWith('/interaction/')
      ? await visit(url, cookies, new URLSearchParams({ prompt: 'login', login: subject }))
      : await visit(url, cookies)
  }
  throw new Error('the IdP never sent the browser back to the portal')
}

async function visit(url: URL, cookies: Map<string, string>, form?: URLSearchParams): Promise<Response> {
  const headers: Record<string, string> = { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') }
  if (form) headers['content-type'] = 'application/x-www-form-urlencoded'
  const response = await fetch(url, { method: form ? 'POST' : 'GET', headers, body: form, redirect: 'manual' })
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';')
    const at = pair.indexOf('=')
    cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim())
  }
  return response
}
