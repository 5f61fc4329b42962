import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Config, loadConfig } from '../../config.ts'
import { recordAccess } from '../access-log/access-log.service.ts'
import { verifyAccessLogChain } from '../access-log/access-log-verify.service.ts'
import { withAdmin } from '../../test/postgres.global-setup.ts'
import { type OpenDatabase, openDatabase } from './database.ts'
import { prepareDatabaseOnStart, runtimeRoleProblems, StartupRefusal } from './database-roles.ts'
import { pendingMigrations } from './migrate.ts'

// Real roles exist only on PostgreSQL (the embedded database has one user). Roles are
// cluster-wide and the test server is shared by parallel test files: random names, dropped after.
describe.runIf(process.env.TEST_DB === 'postgres')('security property 32: the runtime role cannot change the access log or switch off its guards', () => {
  const adminUrl = process.env.TEST_DATABASE_URL ?? ''
  const suffix = randomBytes(5).toString('hex')
  const owner = `portal_owner_${suffix}`
  const runtime = `portal_runtime_${suffix}`
  const databaseName = `portal_roles_${suffix}`
  const password = randomBytes(12).toString('hex')

  function urlAs(user: string | null): string {
    const url = new URL(adminUrl)
    url.pathname = `/${databaseName}`
    if (user) {
      url.username = user
      url.password = password
    }
    return url.toString()
  }

  /** The database part of the configuration; the rest (mail, SMS) is not what these tests are about. */
  function configFor(databaseUrl: string, roles: { migrationUrl?: string; runtimeRole?: string } = {}): Config {
    return {
      ...loadConfig({ NODE_ENV: 'test' }),
      database: { kind: 'postgres', url: databaseUrl, poolSize: 2 },
      migrationDatabaseUrl: roles.migrationUrl,
      databaseRuntimeRole: roles.runtimeRole,
    }
  }
  /** Production's database rules without the rest of production's configuration (mail, SMS, https). */
  function productionConfigFor(databaseUrl: string): Config {
    return { ...configFor(databaseUrl), env: 'production' }
  }

  let asRuntime: OpenDatabase
  let asOwner: OpenDatabase
  let applied: string[] = []

  beforeAll(async () => {
    await withAdmin(adminUrl, async (admin) => {
      await admin.query(`create role ${owner} login password '${password}'`)
      await admin.query(`create role ${runtime} login password '${password}'`)
      // The owner owns the database: it may create the schema's tables and the trusted extensions.
      await admin.query(`create database ${databaseName} owner ${owner}`)
    })
    asRuntime = await openDatabase({ kind: 'postgres', url: urlAs(runtime), poolSize: 4 })
    asOwner = await openDatabase({ kind: 'postgres', url: urlAs(owner), poolSize: 1 })
    // Migrate-at-start as the server does it with MIGRATION_DATABASE_URL and DATABASE_RUNTIME_ROLE.
    const config = configFor(urlAs(runtime), { migrationUrl: urlAs(owner), runtimeRole: runtime })
    applied = await prepareDatabaseOnStart({ ...config, env: 'production' }, asRuntime)
  }, 120_000)

  afterAll(async () => {
    await asRuntime?.close()
    await asOwner?.close()
    await withAdmin(adminUrl, async (admin) => {
      await admin.query(`drop database if exists ${databaseName} with (force)`)
      await admin.query(`drop role if exists ${runtime}`)
      await admin.query(`drop role if exists ${owner}`)
    })
  })

  const source = { ip: '192.0.2.30', userAgent: 'vitest roles', requestId: 'req-roles' }
  const actor = { type: 'system' as const, id: null, role: 'system', name: 'Portaal' }
  const logRead = (db: OpenDatabase['db'], recordId: string) =>
    recordAccess(db, actor, source, { action: 'read', outcome: 'success', clientId: null, dataKind: 'report', recordId }, new Date())

  it('migrates as the owner at start and then serves as the runtime role in production', async () => {
    expect(applied).toContain('2026-12-06T20-00-00_access-log-chain')
    expect(await pendingMigrations(asRuntime.db)).toEqual([])
    const { rows } = await sql<{ owner: string }>`select tableowner as owner from pg_tables where tablename = 'access_log'`.execute(asRuntime.db)
    expect(rows[0]!.owner).toBe(owner)
    expect(await runtimeRoleProblems(asRuntime.db)).toEqual([])
    // Nothing pending, no migration URL: the runtime role starts on its own.
    expect(await prepareDatabaseOnStart(productionConfigFor(urlAs(runtime)), asRuntime)).toEqual([])
  })

  it('lets the runtime role read, append and do ordinary DML, and nothing else on the access log', async () => {
    await logRead(asRuntime.db, 'runtime-1')
    const read = await sql<{ n: string }>`select count(*) as n from access_log`.execute(asRuntime.db)
    expect(Number(read.rows[0]!.n)).toBeGreaterThan(0)
    await sql`update organisation set name = name`.execute(asRuntime.db)

    const refused: [string, RegExp][] = [
      ["update access_log set actor_name = 'x'", /permission denied/],
      ['delete from access_log', /permission denied/],
      ['truncate access_log', /permission denied/],
      ['alter table access_log add column note text', /must be owner/],
      ['alter table access_log disable trigger access_log_no_update_or_delete', /must be owner/],
      ['alter table access_log disable trigger all', /must be owner/],
      ['drop trigger access_log_chain on access_log', /must be owner/],
      ['set session_replication_role = replica', /permission denied/],
      ['update kysely_migration set name = name', /permission denied/],
      // The chain's notes of rows still to chain at commit: only its own triggers write them.
      ["insert into access_log_unchained (log_ids) values ('{1}')", /permission denied/],
      ['delete from access_log_unchained', /permission denied/],
      ['update access_log_unchained set log_ids = log_ids', /permission denied/],
      ['alter table access_log_unchained disable trigger all', /must be owner/],
      ['create table scratch (id int)', /permission denied/],
      ['create or replace function access_log_chain_field(value text) returns bytea language sql as $$ select null::bytea $$', /must be owner|permission denied/],
    ]
    for (const [statement, error] of refused) {
      await expect(sql.raw(statement).execute(asRuntime.db), statement).rejects.toThrow(error)
    }
    expect(await verifyAccessLogChain(asRuntime.db)).toMatchObject({ intact: true })
  })

  it('refuses in production to serve as a superuser or as the owner of the tables', async () => {
    const asAdmin = await openDatabase({ kind: 'postgres', url: urlAs(null), poolSize: 1 })
    try {
      expect((await runtimeRoleProblems(asAdmin.db)).join()).toMatch(/a superuser/)
      await expect(prepareDatabaseOnStart(productionConfigFor(urlAs(null)), asAdmin)).rejects.toThrow(StartupRefusal)
    } finally {
      await asAdmin.close()
    }
    expect((await runtimeRoleProblems(asOwner.db)).join()).toMatch(/the owner of the tables/)
    await expect(prepareDatabaseOnStart(productionConfigFor(urlAs(owner)), asOwner)).rejects.toThrow(/the owner of the tables/)
    // Outside production one role may still do everything (development).
    expect(await prepareDatabaseOnStart(configFor(urlAs(owner)), asOwner)).toEqual([])
  })

  it('refuses in production a runtime role that may change the access log or the chain\'s notes', async () => {
    for (const [grant, table, rights] of [
      ['delete', 'access_log_unchained', 'DELETE'],
      ['insert, truncate', 'access_log_unchained', 'INSERT, TRUNCATE'],
      ['update', 'access_log', 'UPDATE'],
    ] as const) {
      await sql.raw(`grant ${grant} on ${table} to ${runtime}`).execute(asOwner.db)
      try {
        expect(await runtimeRoleProblems(asRuntime.db)).toEqual([expect.stringContaining(`which has ${rights} on ${table}: it may only`)])
      } finally {
        await sql.raw(`revoke ${grant} on ${table} from ${runtime}`).execute(asOwner.db)
      }
    }
    expect(await runtimeRoleProblems(asRuntime.db)).toEqual([])
  })

  it('keeps the chain intact under concurrent, interleaved inserts from two connections', async () => {
    const first = new pg.Client({ connectionString: urlAs(runtime) })
    const second = new pg.Client({ connectionString: urlAs(runtime) })
    await first.connect()
    await second.connect()
    const insert = (client: pg.Client, recordId: string) =>
      client.query(`insert into access_log (action, outcome, actor_type, actor_role, data_kind, record_id) values ('read', 'success', 'system', 'system', 'report', $1)`, [recordId])
    try {
      // Interleaved by hand: the first transaction inserts before the second but commits after it.
      await first.query('begin')
      await insert(first, 'first-a')
      await second.query('begin')
      await insert(second, 'second-a')
      await second.query(`insert into access_log (action, outcome, actor_type, actor_role, data_kind, record_id) values
        ('read', 'success', 'system', 'system', 'report', 'second-b'), ('read', 'success', 'system', 'system', 'report', 'second-c')`)
      await second.query('commit')
      await insert(first, 'first-b')
      await first.query('commit')
      // Then a burst: 2 x 40 transactions of two rows each, racing.
      const burst = async (client: pg.Client, name: string) => {
        for (let i = 0; i < 40; i++) {
          await client.query('begin')
          await insert(client, `${name}-${i}-1`)
          await insert(client, `${name}-${i}-2`)
          await client.query('commit')
        }
      }
      await Promise.all([burst(first, 'one'), burst(second, 'two')])
    } finally {
      await first.end()
      await second.end()
    }
    const order = await sql<{ record_id: string }>`select record_id from access_log where record_id like 'first-%' or record_id like 'second-%' order by seq`.execute(asRuntime.db)
    expect(order.rows.map((r) => r.record_id)).toEqual(['second-a', 'second-b', 'second-c', 'first-a', 'first-b'])
    const total = await sql<{ n: string }>`select count(*) as n from access_log`.execute(asRuntime.db)
    const verdict = await verifyAccessLogChain(asRuntime.db, { pageSize: 16 })
    expect(verdict).toMatchObject({ intact: true, rows: Number(total.rows[0]!.n) })
  })

  it("names the row the owner changed with the guard switched off, read with the runtime role's own connection", async () => {
    await logRead(asRuntime.db, 'owner-edits-this')
    await logRead(asRuntime.db, 'after-owner-edit')
    const { rows } = await sql<{ id: string }>`select id::text as id from access_log where record_id = 'owner-edits-this'`.execute(asRuntime.db)
    const id = rows[0]!.id
    await asOwner.db.connection().execute(async (connection) => {
      await sql`alter table access_log disable trigger access_log_no_update_or_delete`.execute(connection)
      await sql`update access_log set outcome = 'denied' where id = ${id}::bigint`.execute(connection)
      await sql`alter table access_log enable trigger access_log_no_update_or_delete`.execute(connection)
    })
    expect(await verifyAccessLogChain(asRuntime.db)).toMatchObject({ intact: false, broken: { id } })
  })
})
