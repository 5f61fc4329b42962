import { readFileSync } from 'node:fs'
import { defineCommand, parseCommandArguments, runAsMain } from '../../platform/command-line.ts'
import { createIntegrationClient, type NewIntegrationClient } from './integration-client.service.ts'

/**
 * `npm run integration:create` — registers the ECD as an integration client of the FHIR API
 * until the administrators' screen exists. Prints the client id, and the secret once
 * (server/platform/command-line.ts opens the database and prints).
 */

const USAGE = `Usage: npm run integration:create -- --name NAME --identifier-system SYSTEM
                                  --scopes "system/Patient.write system/*.read" [--jwk FILE] [--per-minute N]

  --name               what the access log calls this client, e.g. "ECD Zorggroep"
  --identifier-system  the system of the ECD's own identifiers (URL, urn:oid or urn:uuid)
  --scopes             the SMART system scopes it may ask for, space-separated
  --jwk                a file with its public key (JWK, RS256 or ES256) for private_key_jwt;
                       without it the client gets a secret, printed once
  --per-minute         its rate limit (default 600 requests per minute)
  --help               show this text`

export const integrationCommand = defineCommand({
  usage: USAGE,
  options: {
    name: { type: 'string' },
    'identifier-system': { type: 'string' },
    scopes: { type: 'string' },
    jwk: { type: 'string' },
    'per-minute': { type: 'string' },
  },
  required: ['name', 'identifier-system', 'scopes'],
  toInput(values): NewIntegrationClient {
    const perMinute = values['per-minute'] === undefined ? undefined : Number(values['per-minute'])
    if (perMinute !== undefined && (!Number.isInteger(perMinute) || perMinute < 1)) throw new Error('--per-minute must be a positive whole number.')
    return {
      name: values.name!,
      identifierSystem: values['identifier-system']!,
      scopes: values.scopes!.split(/\s+/).filter(Boolean),
      ...(values.jwk ? { publicJwk: JSON.parse(readFileSync(values.jwk, 'utf8')) as NewIntegrationClient['publicJwk'] } : {}),
      ...(perMinute ? { requestsPerMinute: perMinute } : {}),
    }
  },
  refusal: 'Not registered',
  async run(db, _config, input) {
    const created = await createIntegrationClient(db, input)
    // The one place this secret appears: returned to the terminal, never through the logger.
    return `Integration client "${created.name}" registered.\nclient_id:     ${created.clientId}\n` +
      (created.clientSecret ? `client_secret: ${created.clientSecret}\n(shown only now; store it in the ECD's secret store)\n` : 'Authenticates with private_key_jwt.\n')
  },
})

export function parseIntegrationArguments(argv: string[]): NewIntegrationClient | 'help' {
  return parseCommandArguments(integrationCommand, argv)
}

await runAsMain(import.meta.url, integrationCommand)
