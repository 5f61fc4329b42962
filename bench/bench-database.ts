/**
 * The benchmarks' database, set up the way production runs (README, "Database roles"): an owner
 * role that owns the schema and migrates, and a least-privileged runtime role the server serves
 * as. `NODE_ENV=production` refuses to serve as a superuser or as the tables' owner, so the
 * benchmarks may not simply connect as `postgres`.
 *
 * Idempotent: the roles and the database are created when missing; a database made by an older
 * benchmark (everything owned by the superuser) is handed over to the owner role.
 */
import { spawn } from 'node:child_process'
import pg from 'pg'

/** Fixed names, shared by every benchmark database on the cluster; override with BENCH_OWNER_ROLE / BENCH_RUNTIME_ROLE. */
const OWNER_ROLE = process.env.BENCH_OWNER_ROLE ?? 'portal_bench_owner'
const RUNTIME_ROLE = process.env.BENCH_RUNTIME_ROLE ?? 'portal_bench_app'
/** Fictional data on a local cluster: a fixed password keeps the URLs stable between runs. */
const ROLE_PASSWORD = process.env.BENCH_ROLE_PASSWORD ?? 'bench-only-not-a-secret'

export interface BenchDatabase {
  /** As the owner role: migrations, the seed and the benchmarks' own setup queries. */
  ownerUrl: string
  /** As the runtime role: what the server serves with (DATABASE_URL). */
  runtimeUrl: string
  runtimeRole: string
}

/**
 * Creates (when missing) both roles and the database `benchDb` on the cluster of `adminUrl` (a
 * superuser), hands an existing database's objects to the owner, then migrates as the owner,
 * which grants the runtime role its privileges.
 */
export async function prepareBenchDatabase(adminUrl: string, benchDb: string, env: NodeJS.ProcessEnv): Promise<BenchDatabase> {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    for (const role of [OWNER_ROLE, RUNTIME_ROLE]) {
      const found = await admin.query('select 1 from pg_roles where rolname = $1', [role])
      const verb = found.rowCount === 0 ? 'create' : 'alter'
      await admin.query(`${verb} role ${ident(role)} login nosuperuser nocreatedb nocreaterole password ${literal(ROLE_PASSWORD)}`)
    }
    const exists = await admin.query('select 1 from pg_database where datname = $1', [benchDb])
    if (exists.rowCount === 0) await admin.query(`create database ${ident(benchDb)} owner ${ident(OWNER_ROLE)}`)
    else await admin.query(`alter database ${ident(benchDb)} owner to ${ident(OWNER_ROLE)}`)
  } finally {
    await admin.end()
  }
  await handOverToOwner(withDatabase(adminUrl, benchDb))

  const ownerUrl = withRole(withDatabase(adminUrl, benchDb), OWNER_ROLE)
  const runtimeUrl = withRole(withDatabase(adminUrl, benchDb), RUNTIME_ROLE)
  await runNode('migrate', ['--import', 'tsx', 'server/platform/db/migrate-cli.ts'], {
    ...env,
    DATABASE_URL: runtimeUrl,
    MIGRATION_DATABASE_URL: ownerUrl,
    DATABASE_RUNTIME_ROLE: RUNTIME_ROLE,
  })
  return { ownerUrl, runtimeUrl, runtimeRole: RUNTIME_ROLE }
}

/**
 * A database made by an older benchmark has its tables, sequences, functions and types owned by
 * the superuser; the owner role takes them over (extension members stay with the extension, and
 * sequences that belong to a table column follow their table).
 */
async function handOverToOwner(superuserUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl })
  await client.connect()
  try {
    await client.query(`revoke create on schema public from public`)
    await client.query(
      `do $$
       declare
         item record;
       begin
         for item in
           select c.oid::regclass::text as name, c.relkind from pg_class c
           where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
             and c.relowner <> ${literal(OWNER_ROLE)}::regrole
             and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('e', 'a', 'i'))
         loop
           execute format('alter %s %s owner to %I', case item.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view' when 'f' then 'foreign table' else 'table' end, item.name, ${literal(OWNER_ROLE)});
         end loop;
         for item in
           select p.oid::regprocedure::text as name, p.prokind from pg_proc p
           where p.pronamespace = 'public'::regnamespace and p.proowner <> ${literal(OWNER_ROLE)}::regrole
             and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
         loop
           execute format('alter %s %s owner to %I', case item.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end, item.name, ${literal(OWNER_ROLE)});
         end loop;
         for item in
           select t.oid::regtype::text as name from pg_type t
           where t.typnamespace = 'public'::regnamespace and t.typowner <> ${literal(OWNER_ROLE)}::regrole
             and t.typrelid = 0 and t.typcategory <> 'A'
             and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
         loop
           execute format('alter type %s owner to %I', item.name, ${literal(OWNER_ROLE)});
         end loop;
       end
       $$`,
    )
  } finally {
    await client.end()
  }
}

export function runNode(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: 'inherit' })
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited with ${code}`))))
  })
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

function withRole(url: string, role: string): string {
  const parsed = new URL(url)
  parsed.username = role
  parsed.password = ROLE_PASSWORD
  return parsed.toString()
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}
