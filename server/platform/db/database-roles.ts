import { sql } from 'kysely'
import type { Config } from '../../config.ts'
import { type Db, type OpenDatabase, openDatabase } from './database.ts'
import { migrateToLatest, pendingMigrations } from './migrate.ts'

/**
 * Two PostgreSQL roles (docs/decisions/access-log-integrity.md): an owner that migrates and
 * owns every table, and the runtime role the server logs in as. The runtime role may read
 * and write the application's tables but only read and append to the access log; it owns
 * nothing and may not create anything, so it can neither change history nor switch off the
 * triggers that guard it.
 */

/** Tables the runtime role must not change: the access log (append only) and the schema's migration record. */
const APPEND_ONLY = ['access_log']
// access_log_unchained: the chain's notes of rows to chain at commit, written only by its triggers.
const READ_ONLY = ['kysely_migration', 'kysely_migration_lock', 'access_log_unchained']

/** A reason the server refuses to start; main.ts logs it and exits. */
export class StartupRefusal extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`The database connection is refused for serving:\n  ${problems.join('\n  ')}`)
    this.name = 'StartupRefusal'
    this.problems = problems
  }
}

/**
 * Gives the runtime role its privileges; run by the owner after every migration, so tables a
 * later migration adds are covered without anyone remembering to. Idempotent.
 */
export async function grantRuntimePrivileges(db: Db, role: string): Promise<void> {
  const to = sql.id(role)
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  const schema = sql.id(rows[0]!.schema)
  await db.transaction().execute(async (trx) => {
    await sql`grant usage on schema ${schema} to ${to}`.execute(trx)
    await sql`grant select, insert, update, delete on all tables in schema ${schema} to ${to}`.execute(trx)
    await sql`grant usage, select on all sequences in schema ${schema} to ${to}`.execute(trx)
    for (const table of [...APPEND_ONLY, ...READ_ONLY]) {
      await sql`revoke all on ${sql.table(table)} from ${to}`.execute(trx)
      await sql`grant select on ${sql.table(table)} to ${to}`.execute(trx)
    }
    for (const table of APPEND_ONLY) await sql`grant insert on ${sql.table(table)} to ${to}`.execute(trx)
  })
}

/**
 * Why the current connection must not serve in production: a superuser, the access log's
 * owner (or a member of the owner's role, who could SET ROLE to it), any right to change or
 * guard-switch the access log or the chain's notes of rows still to chain (access_log_unchained:
 * deleting a note would leave rows unchained), or the right to create objects in the schema.
 */
export async function runtimeRoleProblems(db: Db): Promise<string[]> {
  const { rows } = await sql<{
    role: string
    superuser: boolean
    table: string
    owner: string
    owner_member: boolean
    can_insert: boolean
    can_update: boolean
    can_delete: boolean
    can_truncate: boolean
    can_trigger: boolean
    can_create: boolean
  }>`
    select current_user as role, r.rolsuper as superuser, t.tablename as table, t.tableowner as owner,
      pg_has_role(current_user, t.tableowner, 'MEMBER') as owner_member,
      has_table_privilege(format('%I.%I', t.schemaname, t.tablename), 'INSERT') as can_insert,
      has_table_privilege(format('%I.%I', t.schemaname, t.tablename), 'UPDATE') as can_update,
      has_table_privilege(format('%I.%I', t.schemaname, t.tablename), 'DELETE') as can_delete,
      has_table_privilege(format('%I.%I', t.schemaname, t.tablename), 'TRUNCATE') as can_truncate,
      has_table_privilege(format('%I.%I', t.schemaname, t.tablename), 'TRIGGER') as can_trigger,
      has_schema_privilege(t.schemaname, 'CREATE') as can_create
    from pg_roles r, pg_tables t
    where r.rolname = current_user and t.schemaname = current_schema() and t.tablename in ('access_log', 'access_log_unchained')
    order by t.tablename`.execute(db)
  const row = rows.find((r) => r.table === 'access_log')
  if (!row || rows.length < 2) return ['the access log tables are missing: run npm run db:migrate first']
  const problems: string[] = []
  const as = `DATABASE_URL logs in as "${row.role}"`
  if (row.superuser) return [`${as}, a superuser: use the least-privileged runtime role (README, "Database roles")`]
  if (row.owner_member) problems.push(`${as}, the owner of the tables (or a member of "${row.owner}"): use the runtime role; the owner only migrates`)
  for (const table of rows) {
    // The grants grantRuntimePrivileges gives: the access log takes new rows (APPEND_ONLY); the
    // chain's notes are only read (READ_ONLY), its triggers write them (security definer).
    const appendOnly = APPEND_ONLY.includes(table.table)
    const rights = [
      ['INSERT', table.can_insert && !appendOnly],
      ['UPDATE', table.can_update],
      ['DELETE', table.can_delete],
      ['TRUNCATE', table.can_truncate],
      ['TRIGGER', table.can_trigger],
    ].filter(([, has]) => has).map(([name]) => name)
    if (rights.length > 0) problems.push(`${as}, which has ${rights.join(', ')} on ${table.table}: it may only ${appendOnly ? 'SELECT and INSERT' : 'SELECT'} (npm run db:migrate with DATABASE_RUNTIME_ROLE sets this)`)
  }
  if (!row.owner_member && row.can_create) problems.push(`${as}, which may CREATE in the schema: revoke it, the runtime role does no DDL`)
  return problems
}

/** `npm run db:migrate`, and migrate-at-start: as the owner when MIGRATION_DATABASE_URL is set, then the runtime role's grants. */
export async function migrateDatabase(config: Config): Promise<string[]> {
  let database: OpenDatabase
  if (config.migrationDatabaseUrl) database = await openDatabase({ kind: 'postgres', url: config.migrationDatabaseUrl, poolSize: 1 })
  else database = await openDatabase(config.database)
  try {
    const applied = await migrateToLatest(database.db)
    if (config.databaseRuntimeRole && database.kind === 'postgres') await grantRuntimePrivileges(database.db, config.databaseRuntimeRole)
    return applied
  } finally {
    await database.close()
  }
}

/**
 * Start-up: bring the schema up to date and, in production, check who the server is.
 * The embedded database has one user and migrates itself, as always. On PostgreSQL the owner
 * migrates when the server was given MIGRATION_DATABASE_URL; without it, outside production,
 * DATABASE_URL migrates (one role for development); in production a schema that is behind is
 * refused, since the runtime role cannot migrate it.
 */
export async function prepareDatabaseOnStart(config: Config, database: OpenDatabase): Promise<string[]> {
  if (database.kind === 'embedded') return migrateToLatest(database.db)
  let applied: string[] = []
  if (config.migrationDatabaseUrl) {
    applied = await migrateDatabase(config)
  } else {
    const pending = await pendingMigrations(database.db)
    if (pending.length > 0 && config.env === 'production') {
      throw new StartupRefusal([`the schema is behind (${pending.join(', ')}): run npm run db:migrate with MIGRATION_DATABASE_URL, or give the server MIGRATION_DATABASE_URL to migrate at start`])
    }
    if (pending.length > 0) applied = await migrateToLatest(database.db)
  }
  if (config.env === 'production') {
    const problems = await runtimeRoleProblems(database.db)
    if (problems.length > 0) throw new StartupRefusal(problems)
  }
  return applied
}
