import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.

export async function up(db: Kysely<any>): Promise<void> {
  // A client's contact persons and representatives as the ECD knows them (FHIR RelatedPerson):
  // who to call, not who may log in (portal accounts stay the administrators' decision).
  await sql`
    create table contact_person (
      id uuid primary key default gen_random_uuid(),
      ecd_id text not null unique,
      client_id uuid not null references client (id),
      name text not null,
      relationship text not null default '',
      phone text not null default '',
      email text not null default '',
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index contact_person_client_idx on contact_person (client_id)`.execute(db)
  await sql`create index contact_person_updated_at_idx on contact_person (updated_at)`.execute(db)
  await sql`create trigger contact_person_bump_version before update on contact_person for each row execute function bump_row_version()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table contact_person`.execute(db)
}
