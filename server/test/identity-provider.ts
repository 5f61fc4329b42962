import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'

/** The portal's registration at the test IdP (PUBLIC_BASE_URL of the test app is http://localhost:3000). */
export const TEST_CLIENT = { id: 'clientportaal', secret: 'test-client-secret-for-the-local-identity-provider' }

/** The eIDAS levels a DigiD broker names in acr. */
export const EIDAS = {
  low: 'http://eidas.europa.eu/LoA/low',
  substantial: 'http://eidas.europa.eu/LoA/substantial',
  high: 'http://eidas.europa.eu/LoA/high',
} as const

/** Who can log in at the test IdP: subject → claims. */
export type IdpUsers = Map<string, Record<string, unknown>>

export interface TestIdentityProvider {
  issuer: string
  users: IdpUsers
  /** OIDC_* (staff SSO) or DIGID_* variables for createTestApp. */
  env: Record<string, string>
  close: () => Promise<void>
}

export interface TestIdentityProviderOptions {
  /**
   * sso (default): an organisation's IdP for staff, with oidc-provider's development login form.
   * digid: a DigiD broker: the ID token carries the user's `bsn` claim and the `acr` given in the
   * user's claims (the login's eIDAS level); its own small login page ("Inloggen", a subject field).
   */
  kind?: 'sso' | 'digid'
  /**
   * The portal's base URL its redirect URIs are registered under (default the test app's). A
   * function when the portal starts after the provider (it needs the issuer): read at the first request.
   */
  portalBaseUrl?: string | (() => string)
  /** A fixed port (the local DigiD demo); default a free one. */
  port?: number
}

/**
 * A real OpenID Connect provider (oidc-provider) on a free local port. Logging in takes any
 * subject, no password. Consent is given up front, as an organisation's IdP does for its own
 * applications.
 */
export async function startTestIdentityProvider(options: TestIdentityProviderOptions = {}): Promise<TestIdentityProvider> {
  const kind = options.kind ?? 'sso'
  const users: IdpUsers = new Map()
  // The issuer names the port, so the server listens before the provider exists.
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const createProvider = (portal: string) => new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: [`${portal}/api/sso/callback`, `${portal}/api/digid/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: kind === 'digid' ? ['sub', 'bsn'] : ['sub'], email: ['email', 'email_verified'], profile: ['preferred_username'] },
    // A DigiD broker puts the BSN in the ID token itself.
    conformIdTokenClaims: kind !== 'digid',
    acrValues: Object.values(EIDAS),
    ...(kind === 'digid' ? { features: { devInteractions: { enabled: false } }, interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` } } : {}),
    pkce: { required: () => true },
    cookies: { keys: ['test-identity-provider-cookie-key'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: (_ctx: unknown, sub: string) => {
      const found = users.get(sub)
      if (!found) return undefined
      // acr is the login's, not a user claim: set at the interaction below.
      const { acr: _acr, ...claims } = found
      return { accountId: sub, claims: () => ({ sub, ...claims }) }
    },
    loadExistingGrant: async (ctx: { oidc: { client: { clientId: string }; session: { accountId: string }; provider: Provider } }) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
  })
  let provider: Provider | undefined
  let callback: ReturnType<Provider['callback']> | undefined
  server.on('request', (request, response) => {
    const base = options.portalBaseUrl ?? 'http://localhost:3000'
    provider ??= createProvider(typeof base === 'function' ? base() : base)
    callback ??= provider.callback()
    if (kind === 'digid' && request.url?.startsWith('/interaction/')) {
      digidInteraction(provider, users, request, response).catch((error: unknown) => {
        response.statusCode = 500
        response.end(String(error))
      })
      return
    }
    callback(request, response)
  })

  return {
    issuer,
    users,
    env:
      kind === 'digid'
        ? { DIGID_ISSUER: issuer, DIGID_CLIENT_ID: TEST_CLIENT.id, DIGID_CLIENT_SECRET: TEST_CLIENT.secret }
        : { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: TEST_CLIENT.id, OIDC_CLIENT_SECRET: TEST_CLIENT.secret },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}

/**
 * The DigiD-like login page: a form with one field (the test person's subject) and a button.
 * The login's acr is the user's `acr` claim (a test chooses the level per person).
 */
async function digidInteraction(provider: Provider, users: IdpUsers, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(request, response)
  if (request.method === 'POST') {
    let body = ''
    for await (const chunk of request) body += String(chunk)
    const subject = new URLSearchParams(body).get('login') ?? ''
    const user = users.get(subject)
    if (!user) {
      await provider.interactionFinished(request, response, { error: 'access_denied', error_description: 'unknown test person' }, { mergeWithLastSubmission: false })
      return
    }
    await provider.interactionFinished(request, response, { login: { accountId: subject, acr: user.acr } }, { mergeWithLastSubmission: false })
    return
  }
  response.setHeader('content-type', 'text/html; charset=utf-8')
  response.end(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>DigiD (test)</title></head><body><main>
<h1>Inloggen bij DigiD (testomgeving)</h1>
<form method="post" action="/interaction/${details.uid}">
<label for="login">Testpersoon</label> <input id="login" name="login" autocomplete="off" required>
<button type="submit">Inloggen</button>
</form></main></body></html>`)
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
    if (url.pathname === '/api/sso/callback' || url.pathname === '/api/digid/callback') return url
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
