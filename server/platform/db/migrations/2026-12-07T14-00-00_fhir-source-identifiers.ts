import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.

/** Each FHIR resource type and the table its rows live in (as the API mapped them when this was written). */
const TABLES: readonly [string, string][] = [
  ['Patient', 'client'],
  ['Organization', 'team'],
  ['Practitioner', 'staff_member'],
  ['PractitionerRole', 'practitioner_role'],
  ['CareTeam', 'care_team'],
  ['RelatedPerson', 'contact_person'],
  ['Observation', 'report'],
  ['DocumentReference', 'care_plan_print'],
  ['Appointment', 'appointment'],
  ['Communication', 'message'],
]

/** The system of rows whose writer cannot be found: documented in docs/decisions/fhir-identifiers.md. */
const UNKNOWN_SOURCE_SYSTEM = 'urn:clientportaal:ecd-identifier-unknown-source'

export async function up(db: Kysely<any>): Promise<void> {
  // The identifiers of every source system (ECD, planning system, a second ECD during a
  // migration) for the portal rows they write: a value means something only with its system.
  // `owner`: the source that created the row; its fields are that source's to change.
  await sql`
    create table fhir_source_identifier (
      resource_type text not null,
      system text not null,
      value text not null,
      row_id uuid not null,
      integration_client_id uuid references integration_client (id),
      owner boolean not null,
      created_at timestamptz not null default now(),
      primary key (resource_type, system, value)
    )`.execute(db)
  await sql`create index fhir_source_identifier_row_idx on fhir_source_identifier (resource_type, row_id)`.execute(db)
  await sql`create unique index fhir_source_identifier_one_per_system_idx on fhir_source_identifier (resource_type, row_id, system)`.execute(db)

  // Existing ECD numbers get the system of the integration client that created the row (the
  // access log's first 'create' of it by an integration client), else that of the oldest
  // registered integration client, else a system that says the source is unknown.
  // One pass over the access log (it has no index on record_id) for the first writer of each row.
  await sql`
    create temporary table fhir_first_writer as
    select distinct on (al.record_id) al.record_id, ic.id as client_id, ic.identifier_system
    from access_log al join integration_client ic on ic.id::text = al.actor_id
    where al.actor_type = 'integration' and al.action = 'create' and al.record_id is not null
    order by al.record_id, al.id`.execute(db)
  for (const [resourceType, table] of TABLES) {
    await sql`
      insert into fhir_source_identifier (resource_type, system, value, row_id, integration_client_id, owner, created_at)
      select ${resourceType}::text, coalesce(writer.identifier_system, oldest.identifier_system, ${UNKNOWN_SOURCE_SYSTEM}::text),
             t.ecd_id, t.id, coalesce(writer.client_id, oldest.id), true, t.created_at
      from ${sql.table(table)} t
      left join fhir_first_writer writer on writer.record_id = t.id::text
      left join lateral (select id, identifier_system from integration_client order by created_at, id limit 1) oldest on true
      where t.ecd_id is not null`.execute(db)
  }
  await sql`drop table fhir_first_writer`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table fhir_source_identifier`.execute(db)
}
