import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../../config.ts'
import { type OpenDatabase, openDatabase } from '../../platform/db/database.ts'
import { migrateToLatest } from '../../platform/db/migrate.ts'
import { AppError } from '../../platform/errors.ts'
import { createIntegrationClient, type NewIntegrationClient } from './integration-client.service.ts'

/**
 * `npm run integration:create` — registers the ECD as an integration client of the FHIR API
 * until the administrators' screen exists. Prints the client id, and the secret once.
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

export function parseIntegrationArguments(argv: string[]): NewIntegrationClient | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      name: { type: 'string' },
      'identifier-system': { type: 'string' },
      scopes: { type: 'string' },
      jwk: { type: 'string' },
      'per-minute': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  })
  if (values.help) return 'help'
  const missing = (['name', 'identifier-system', 'scopes'] as const).filter((key) => !values[key]?.trim())
  if (missing.length > 0) throw new Error(`Missing: ${missing.map((key) => `--${key}`).join(', ')}.`)
  const perMinute = values['per-minute'] === undefined ? undefined : Number(values['per-minute'])
  if (perMinute !== undefined && (!Number.isInteger(perMinute) || perMinute < 1)) throw new Error('--per-minute must be a positive whole number.')
  return {
    name: values.name!,
    identifierSystem: values['identifier-system']!,
    scopes: values.scopes!.split(/\s+/).filter(Boolean),
    ...(values.jwk ? { publicJwk: JSON.parse(readFileSync(values.jwk, 'utf8')) as NewIntegrationClient['publicJwk'] } : {}),
    ...(perMinute ? { requestsPerMinute: perMinute } : {}),
  }
}

async function run(argv: string[]): Promise<number> {
  let input: NewIntegrationClient | 'help'
  try {
    input = parseIntegrationArguments(argv)
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    return 1
  }
  if (input === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  let database: OpenDatabase | undefined
  try {
    const config = loadConfig(process.env)
    database = await openDatabase(config.database)
    await migrateToLatest(database.db)
    const created = await createIntegrationClient(database.db, input)
    // Straight to the terminal, never through the logger: the one place this secret appears.
    process.stdout.write(
      `Integration client "${created.name}" registered.\nclient_id:     ${created.clientId}\n` +
        (created.clientSecret ? `client_secret: ${created.clientSecret}\n(shown only now; store it in the ECD's secret store)\n` : 'Authenticates with private_key_jwt.\n'),
    )
    return 0
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message)
    else if (error instanceof AppError && error.code !== 'internal') console.error(`Not registered: ${error.detail ?? error.code}.`)
    else console.error(error)
    return 1
  } finally {
    await database?.close()
  }
}

// Only when started as the command, so tests can import the argument parser.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await run(process.argv.slice(2))
