import { type Kysely, sql } from 'kysely'

// Frozen in time: this migration never imports application code and is never edited
// once released. Change the schema with a new migration.

export async function up(db: Kysely<any>): Promise<void> {
  // The organisation running the portal: one row.
  await sql`
    create table organisation (
      id smallint primary key default 1 check (id = 1),
      name text not null,
      tagline text not null default '',
      logo bytea,
      logo_mime_type text check (logo_mime_type in ('image/png', 'image/jpeg', 'image/webp')),
      primary_color text not null default '#1f4e79' check (primary_color ~ '^#[0-9a-f]{6}$'),
      accent_color text not null default '#e8f0f8' check (accent_color ~ '^#[0-9a-f]{6}$'),
      support_text text not null default '',
      password_min_length smallint not null default 12 check (password_min_length between 8 and 64),
      password_require_composition boolean not null default false,
      session_idle_minutes smallint not null default 15 check (session_idle_minutes between 2 and 120),
      session_max_hours smallint not null default 12 check (session_max_hours between 1 and 24),
      updated_at timestamptz not null default now()
    )`.execute(db)

  await sql`
    create table team (
      id uuid primary key default gen_random_uuid(),
      ecd_id text unique,
      name text not null,
      location text not null default '',
      created_at timestamptz not null default now()
    )`.execute(db)

  // Everyone who can log in: clients, representatives and staff share the login machinery.
  await sql`
    create table account (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('portal', 'staff')),
      login_name text not null,
      display_name text not null,
      email text not null,
      mobile_phone text,
      password_hash text,
      password_is_temporary boolean not null default false,
      password_changed_at timestamptz,
      failed_attempts integer not null default 0,
      throttled_until timestamptz,
      blocked_at timestamptz,
      ended_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`create unique index account_login_name_key on account (lower(login_name))`.execute(db)

  await sql`
    create table staff_member (
      id uuid primary key default gen_random_uuid(),
      ecd_id text unique,
      account_id uuid unique references account (id),
      name text not null,
      discipline text not null default '',
      is_caregiver boolean not null default true,
      is_administrator boolean not null default false,
      created_at timestamptz not null default now()
    )`.execute(db)

  await sql`
    create table team_membership (
      team_id uuid not null references team (id),
      staff_member_id uuid not null references staff_member (id),
      primary key (team_id, staff_member_id)
    )`.execute(db)

  await sql`
    create table client (
      id uuid primary key default gen_random_uuid(),
      ecd_id text unique,
      client_number text not null unique,
      gender text not null default 'unknown' check (gender in ('female', 'male', 'other', 'unknown')),
      initials text not null default '',
      given_name text not null,
      name_prefix text not null default '',
      family_name text not null,
      date_of_birth date not null,
      marital_status text not null default '',
      place_of_birth text not null default '',
      nationality text not null default '',
      bsn_encrypted bytea,
      bsn_lookup bytea unique,
      street text not null default '',
      house_number text not null default '',
      postal_code text not null default '',
      city text not null default '',
      address_extra text not null default '',
      phone text not null default '',
      email text not null default '',
      legal_capacity text not null default 'wilsbekwaam' check (legal_capacity in ('wilsbekwaam', 'wilsonbekwaam', 'onbekend')),
      admission_status text not null default '',
      admission_legal_basis text not null default '',
      general_practitioner text not null default '',
      identity_established boolean not null default false,
      bank_account_encrypted bytea,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index client_family_name_idx on client (lower(family_name))`.execute(db)

  // Who is in a client's care team, and from when to when: feeds "Wie heeft er vandaag toegang?"
  // and the staff's access to the record.
  await sql`
    create table care_assignment (
      id uuid primary key default gen_random_uuid(),
      ecd_id text unique,
      client_id uuid not null references client (id),
      team_id uuid references team (id),
      staff_member_id uuid references staff_member (id),
      role text not null check (role in ('team', 'evv', 'responsible', 'practitioner')),
      discipline text not null default '',
      valid_from date not null,
      valid_until date,
      check (team_id is not null or staff_member_id is not null),
      check (valid_until is null or valid_until >= valid_from)
    )`.execute(db)
  await sql`create index care_assignment_client_idx on care_assignment (client_id)`.execute(db)
  await sql`create index care_assignment_team_idx on care_assignment (team_id)`.execute(db)

  // The written consent (toestemmingsformulier) a link is based on.
  await sql`
    create table consent (
      id uuid primary key default gen_random_uuid(),
      client_id uuid not null references client (id),
      given_by text not null check (given_by in ('client', 'legal_representative')),
      given_by_name text not null,
      given_on date not null,
      scope text not null,
      form_pdf bytea,
      recorded_by uuid references account (id),
      recorded_at timestamptz not null default now(),
      withdrawn_at timestamptz
    )`.execute(db)

  // A portal account's access to one client. Permissions per section; reports from before
  // activated_at are never shown through the link.
  await sql`
    create table client_link (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references account (id),
      client_id uuid not null references client (id),
      consent_id uuid not null references consent (id),
      relation text not null check (relation in ('self', 'legal_representative', 'first_contact', 'second_contact', 'informal_carer')),
      may_read_reports boolean not null default true,
      may_read_care_plan boolean not null default true,
      may_use_appointments boolean not null default true,
      may_use_messages boolean not null default true,
      may_read_profile boolean not null default true,
      may_read_subscriptions boolean not null default true,
      activated_at timestamptz not null default now(),
      ended_at timestamptz,
      end_reason text,
      created_by uuid references account (id),
      created_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index client_link_account_idx on client_link (account_id) where ended_at is null`.execute(db)
  await sql`create index client_link_client_idx on client_link (client_id)`.execute(db)
  // One active link per account and client.
  await sql`create unique index client_link_active_key on client_link (account_id, client_id) where ended_at is null`.execute(db)

  await sql`
    create table report (
      id uuid primary key default gen_random_uuid(),
      ecd_id text unique,
      client_id uuid not null references client (id),
      team_id uuid references team (id),
      author_staff_id uuid references staff_member (id),
      author_role text not null default '',
      care_plan_goal text not null default '',
      body text not null,
      reported_at timestamptz not null,
      visible_in_portal boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db)
  // Serves the portal's newest-first keyset pagination per client.
  await sql`create index report_client_time_idx on report (client_id, reported_at desc, id desc)`.execute(db)

  await sql`
    create table appointment (
      id uuid primary key default gen_random_uuid(),
      ecd_id text unique,
      client_id uuid not null references client (id),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      title text not null,
      location text not null default '',
      with_whom text not null default '',
      created_by_account_id uuid references account (id),
      created_by_staff_id uuid references staff_member (id),
      cancelled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_at >= starts_at)
    )`.execute(db)
  await sql`create index appointment_client_time_idx on appointment (client_id, starts_at)`.execute(db)

  await sql`
    create table subscription (
      id uuid primary key default gen_random_uuid(),
      ecd_id text unique,
      client_id uuid not null references client (id),
      service text not null,
      supplier text not null,
      starts_on date not null,
      ends_on date
    )`.execute(db)
  await sql`create index subscription_client_idx on subscription (client_id)`.execute(db)

  await sql`
    create table news_item (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      body text not null,
      publish_from timestamptz not null,
      publish_until timestamptz,
      created_by uuid references account (id),
      created_at timestamptz not null default now(),
      check (publish_until is null or publish_until > publish_from)
    )`.execute(db)
  await sql`create index news_item_publish_idx on news_item (publish_from desc)`.execute(db)

  await sql`
    create table terms_version (
      id uuid primary key default gen_random_uuid(),
      version integer not null unique,
      body text not null,
      published_at timestamptz not null default now(),
      published_by uuid references account (id)
    )`.execute(db)
  await sql`
    create table terms_acceptance (
      account_id uuid not null references account (id),
      terms_version_id uuid not null references terms_version (id),
      accepted_at timestamptz not null default now(),
      primary key (account_id, terms_version_id)
    )`.execute(db)

  // Server-side sessions; only the SHA-256 of the token is stored.
  await sql`
    create table session (
      token_hash bytea primary key,
      account_id uuid not null references account (id),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ended_at timestamptz,
      ip text not null default '',
      user_agent text not null default ''
    )`.execute(db)
  await sql`create index session_account_idx on session (account_id) where ended_at is null`.execute(db)

  // E-mail and SMS are written here in the same transaction as what caused them,
  // then delivered by a worker; several app instances share it.
  await sql`
    create table outbox_message (
      id bigint generated always as identity primary key,
      channel text not null check (channel in ('email', 'sms', 'webhook')),
      recipient text not null,
      subject text not null default '',
      body_text text not null,
      body_html text,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )`.execute(db)
  await sql`create index outbox_message_due_idx on outbox_message (next_attempt_at) where status = 'pending'`.execute(db)

  // NEN 7513 access log: who did what with which client's data, when, from where, with what outcome.
  await sql`
    create table access_log (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null default now(),
      action text not null check (action in ('read', 'create', 'update', 'delete', 'export', 'login', 'logout')),
      outcome text not null check (outcome in ('success', 'denied', 'failure')),
      actor_type text not null check (actor_type in ('account', 'staff', 'integration', 'system', 'anonymous')),
      actor_id text,
      actor_role text not null,
      actor_name text not null default '',
      on_behalf_link_id uuid,
      on_behalf_of text not null default '',
      client_id uuid,
      data_kind text not null,
      record_id text,
      source_ip text not null default '',
      user_agent text not null default '',
      request_id text not null default ''
    )`.execute(db)
  await sql`create index access_log_client_time_idx on access_log (client_id, occurred_at desc)`.execute(db)
  await sql`create index access_log_time_idx on access_log (occurred_at desc)`.execute(db)

  // Append-only at the database level: the application's own connection cannot change history.
  await sql`
    create function access_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'access_log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db)
  await sql`
    create trigger access_log_no_update_or_delete
      before update or delete on access_log
      for each row execute function access_log_is_append_only()`.execute(db)
  await sql`
    create trigger access_log_no_truncate
      before truncate on access_log
      for each statement execute function access_log_is_append_only()`.execute(db)
}

export async function down(): Promise<void> {
  throw new Error('The core schema is not reversible: restore a backup instead.')
}
