import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely'
import * as coreSchema from './migrations/2026-11-25T15-00-00_core-schema.ts'
import * as outboxDelivery from './migrations/2026-11-25T16-00-00_outbox-delivery.ts'
import * as authentication from './migrations/2026-11-25T16-30-00_authentication.ts'
import * as secondFactors from './migrations/2026-11-27T15-30-00_second-factors.ts'
import * as printsAndMessages from './migrations/2026-11-27T16-00-00_prints-and-messages.ts'
import * as clientRecordSearch from './migrations/2026-11-27T16-30-00_client-record-search.ts'
import * as workspace from './migrations/2026-11-27T17-30-00_workspace.ts'
import * as integrationApi from './migrations/2026-11-27T18-00-00_integration-api.ts'
import * as careTeam from './migrations/2026-11-27T18-10-00_care-team.ts'
import * as practitionerRole from './migrations/2026-11-27T18-20-00_practitioner-role.ts'
import * as contactPerson from './migrations/2026-11-27T18-30-00_contact-person.ts'
import * as fhirRecord from './migrations/2026-11-27T19-00-00_fhir-record.ts'
import * as fhirMillisecondTimes from './migrations/2026-11-27T19-10-00_fhir-millisecond-times.ts'
import * as sso from './migrations/2026-11-27T20-00-00_sso.ts'
import * as accessLogChain from './migrations/2026-12-06T20-00-00_access-log-chain.ts'
import * as outboxEncryptedPayload from './migrations/2026-12-06T20-10-00_outbox-encrypted-payload.ts'
import * as digid from './migrations/2026-12-06T23-00-00_digid.ts'
import * as accessGrants from './migrations/2026-12-07T10-00-00_access-grants.ts'
import * as notifications from './migrations/2026-12-07T11-00-00_notifications.ts'
import * as fhirSourceIdentifiers from './migrations/2026-12-07T14-00-00_fhir-source-identifiers.ts'
import * as fhirSubscriptions from './migrations/2026-12-07T15-00-00_fhir-subscriptions.ts'
import * as accessGrantApproval from './migrations/2026-12-07T16-00-00_access-grant-approval.ts'
import * as fhirKeptFields from './migrations/2026-12-07T17-00-00_fhir-kept-fields.ts'
import * as accessLogChainPerStatement from './migrations/2026-12-08T10-00-00_access-log-chain-per-statement.ts'

/** Every migration, by name, in order. Add new ones here by hand: no directory scanning. */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-25T15-00-00_core-schema': coreSchema,
  '2026-11-25T16-00-00_outbox-delivery': outboxDelivery,
  '2026-11-25T16-30-00_authentication': authentication,
  '2026-11-27T15-30-00_second-factors': secondFactors,
  '2026-11-27T16-00-00_prints-and-messages': printsAndMessages,
  '2026-11-27T16-30-00_client-record-search': clientRecordSearch,
  '2026-11-27T17-30-00_workspace': workspace,
  '2026-11-27T18-00-00_integration-api': integrationApi,
  '2026-11-27T18-10-00_care-team': careTeam,
  '2026-11-27T18-20-00_practitioner-role': practitionerRole,
  '2026-11-27T18-30-00_contact-person': contactPerson,
  '2026-11-27T19-00-00_fhir-record': fhirRecord,
  '2026-11-27T19-10-00_fhir-millisecond-times': fhirMillisecondTimes,
  '2026-11-27T20-00-00_sso': sso,
  '2026-12-06T20-00-00_access-log-chain': accessLogChain,
  '2026-12-06T20-10-00_outbox-encrypted-payload': outboxEncryptedPayload,
  '2026-12-06T23-00-00_digid': digid,
  '2026-12-07T10-00-00_access-grants': accessGrants,
  '2026-12-07T11-00-00_notifications': notifications,
  '2026-12-07T14-00-00_fhir-source-identifiers': fhirSourceIdentifiers,
  '2026-12-07T15-00-00_fhir-subscriptions': fhirSubscriptions,
  '2026-12-07T16-00-00_access-grant-approval': accessGrantApproval,
  '2026-12-07T17-00-00_fhir-kept-fields': fhirKeptFields,
  '2026-12-08T10-00-00_access-log-chain-per-statement': accessLogChainPerStatement,
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS }

/** Brings the schema up to date; throws when a migration fails (nothing half-applied stays). */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Up to date: only read. Migrating takes a lock row the least-privileged runtime role may
  // not update, so the CLIs that call this on start keep working under that role.
  if ((await pendingMigrations(db)).length === 0) return []
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Names of migrations not yet applied; only reads, so the least-privileged runtime role may call it. */
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const migrations = await new Migrator({ db, provider }).getMigrations()
  return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name)
}
