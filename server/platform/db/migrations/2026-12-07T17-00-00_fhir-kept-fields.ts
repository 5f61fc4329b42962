import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.
//
// Nothing lost silently (issue 12, item 8): the fields of the nl-core resources the portal was
// told but did not keep. Plain text like the names and contact data beside them (only the BSN
// and the bank account are encrypted in this table, as before).
//
// client: the official name as written and its Dutch parts (birth names, the partner's name
// and prefix, the naamgebruik code), the nationality's code (its words were kept already), the
// mobile number beside the other phone and that phone's `use`, the address's type (physical,
// postal, both), district and country as written; and the ECD's word that the client left
// (`active` false) or died (`deceased`, with the date when given), and when the portal closed the
// client's links because of it (docs/decisions/fhir-death-and-departure.md).
// message: when the ECD says a message was sent (FHIR `sent`), apart from when it arrived.
// client_contact: the contact persons the ECD names in the Patient itself (Patient.contact, zib
// ContactPerson), with their relationship codes; replaced as a whole on every push of the Patient.
// They are not RelatedPersons (which have the ECD's own identifier) and not portal accounts.
// contact_person (RelatedPerson): its relationship codes beside the words kept before.
// appointment: the ECD's comment. staff_member: BIG, UZI and URA numbers, and the name's parts
// (title such as "Drs.", given names, own prefix and family name).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table client
      add column name_text text not null default '',
      add column given_names text not null default '',
      add column partner_prefix text not null default '',
      add column partner_name text not null default '',
      add column name_usage text not null default '',
      add column phone_use text not null default '',
      add column mobile_phone text not null default '',
      add column nationality_system text not null default '',
      add column nationality_code text not null default '',
      add column address_type text not null default '',
      add column district text not null default '',
      add column country text not null default '',
      add column active boolean not null default true,
      add column deceased boolean not null default false,
      add column deceased_on text,
      add column closed_at timestamptz`.execute(db)
  await sql`
    create table client_contact (
      id uuid primary key default gen_random_uuid(),
      client_id uuid not null references client (id),
      position integer not null,
      relationships jsonb not null default '[]',
      name_text text not null default '',
      initials text not null default '',
      given_name text not null default '',
      given_names text not null default '',
      name_prefix text not null default '',
      family_name text not null default '',
      partner_prefix text not null default '',
      partner_name text not null default '',
      name_usage text not null default '',
      phone text not null default '',
      phone_use text not null default '',
      mobile_phone text not null default '',
      email text not null default '',
      email_use text not null default '',
      street text not null default '',
      house_number text not null default '',
      postal_code text not null default '',
      city text not null default '',
      address_extra text not null default '',
      address_type text not null default '',
      district text not null default '',
      country text not null default '',
      unique (client_id, position)
    )`.execute(db)
  await sql`alter table contact_person add column relationship_codes jsonb not null default '[]'`.execute(db)
  await sql`alter table message add column sent_at timestamptz`.execute(db)
  await sql`alter table appointment add column comment text not null default ''`.execute(db)
  await sql`
    alter table staff_member
      add column big_number text not null default '',
      add column uzi_number text not null default '',
      add column ura_number text not null default '',
      add column title text not null default '',
      add column given_name text not null default '',
      add column name_prefix text not null default '',
      add column family_name text not null default ''`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table staff_member drop column big_number, drop column uzi_number, drop column ura_number, drop column title, drop column given_name,
      drop column name_prefix, drop column family_name`.execute(db)
  await sql`alter table appointment drop column comment`.execute(db)
  await sql`alter table message drop column sent_at`.execute(db)
  await sql`alter table contact_person drop column relationship_codes`.execute(db)
  await sql`drop table client_contact`.execute(db)
  await sql`
    alter table client drop column name_text, drop column given_names, drop column partner_prefix,
      drop column partner_name, drop column name_usage, drop column phone_use, drop column mobile_phone, drop column nationality_system, drop column nationality_code,
      drop column address_type, drop column district, drop column country, drop column active, drop column deceased,
      drop column deceased_on, drop column closed_at`.execute(db)
}
