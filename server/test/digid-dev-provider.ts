import { DEMO_BSNS, DEMO_LOGINS } from '../seed/demo-accounts.ts'
import { EIDAS, startTestIdentityProvider } from './identity-provider.ts'

/**
 * `npm run digid:dev` — a local stand-in for a DigiD broker, to try "Inloggen met DigiD"
 * against the demo: an OpenID provider (oidc-provider) on http://127.0.0.1:4000 whose test
 * people carry a BSN from the RvIG test range. Development only: no passwords, any of the
 * people below logs in by name. Start the portal with the DIGID_* lines it prints.
 */
const port = Number(process.env.DIGID_DEV_PORT ?? 4000)
const portal = (process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '')
const provider = await startTestIdentityProvider({ kind: 'digid', portalBaseUrl: portal, port })

const people: [string, Record<string, unknown>][] = [
  ['demo.client', { bsn: DEMO_BSNS[DEMO_LOGINS.client], acr: EIDAS.substantial }],
  ['demo.familie', { bsn: DEMO_BSNS[DEMO_LOGINS.family], acr: EIDAS.substantial }],
  ['onbekend', { bsn: '999990020', acr: EIDAS.substantial }],
  ['laag', { bsn: DEMO_BSNS[DEMO_LOGINS.client], acr: EIDAS.low }],
]
for (const [subject, claims] of people) provider.users.set(subject, claims)

process.stdout.write(`Local DigiD stand-in at ${provider.issuer} (for the portal at ${portal}).
Start the portal in another terminal with:

  ${Object.entries(provider.env).map(([name, value]) => `${name}=${value}`).join(' ')} npm start

At "Inloggen met DigiD", type one of these test people:
  demo.client   BSN ${DEMO_BSNS[DEMO_LOGINS.client]}, level Substantieel (Wilhelmina, demo.client)
  demo.familie  BSN ${DEMO_BSNS[DEMO_LOGINS.family]}, level Substantieel (Marieke, demo.familie)
  onbekend      a BSN no account holds: the calm page
  laag          level Low: refused
Stop with Ctrl+C.
`)
