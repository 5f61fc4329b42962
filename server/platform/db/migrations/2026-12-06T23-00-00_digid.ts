import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.
//
// "Inloggen met DigiD" (docs/decisions/digid-login.md):
// - an account may hold its own BSN, encrypted, found by a keyed look-up hash like clients' BSNs;
//   not unique: two accounts with one BSN must be refused at login (and logged), not hidden;
// - an OpenID Connect login in progress says what it is for (staff SSO, DigiD login, binding
//   DigiD to a logged-in account) and, when binding, for which account;
// - a session records its way in and assurance level, and so does each access-log row, inside
//   the hash chain (encoding 'access_log/2', mirrored in server/platform/access-log/access-log-chain.ts);
// - the organisation decides which ways in are enough to read the record.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table account add column bsn_encrypted bytea, add column bsn_lookup bytea`.execute(db)
  await sql`create index account_bsn_lookup_idx on account (bsn_lookup) where bsn_lookup is not null`.execute(db)

  await sql`
    alter table sso_login_state
      add column purpose text not null default 'sso' check (purpose in ('sso', 'digid_login', 'digid_bind')),
      add column account_id uuid references account (id) on delete cascade`.execute(db)

  // Sessions before this migration came in with a password and a second factor, or staff SSO.
  await sql`alter table session add column assurance text not null default 'low' check (assurance in ('low', 'substantial', 'high'))`.execute(db)

  // Existing organisations keep what they had (SMS allowed) until an administrator chooses;
  // a new organisation starts at DigiD or a strong second factor.
  await sql`
    alter table organisation add column login_policy text not null default 'with_sms'
      check (login_policy in ('digid_only', 'digid_or_strong', 'with_sms'))`.execute(db)
  await sql`alter table organisation alter column login_policy set default 'digid_or_strong'`.execute(db)

  // The way in and assurance of the person who acted; null for the system, integrations and
  // anonymous attempts. A row with neither keeps encoding access_log/1, so rows chained before
  // this migration still verify; a row with either is hashed as access_log/2, which also covers them.
  await sql`alter table access_log add column auth_method text, add column assurance text`.execute(db)
  await sql`
    create or replace function access_log_chain_hash(prev bytea, seq bigint, r access_log) returns bytea language sql stable parallel safe as $$
      select sha256(prev || textsend(case
        when r.auth_method is null and r.assurance is null then json_build_array(
          'access_log/1', seq::text, r.id::text, ((extract(epoch from r.occurred_at) * 1000000)::bigint)::text,
          r.action, r.outcome, r.actor_type, r.actor_id, r.actor_role, r.actor_name,
          r.on_behalf_link_id::text, r.on_behalf_of, r.client_id::text, r.data_kind, r.record_id,
          r.source_ip, r.user_agent, r.request_id)::text
        else json_build_array(
          'access_log/2', seq::text, r.id::text, ((extract(epoch from r.occurred_at) * 1000000)::bigint)::text,
          r.action, r.outcome, r.actor_type, r.actor_id, r.actor_role, r.actor_name,
          r.on_behalf_link_id::text, r.on_behalf_of, r.client_id::text, r.data_kind, r.record_id,
          r.source_ip, r.user_agent, r.request_id, r.auth_method, r.assurance)::text
        end))
    $$`.execute(db)
  await sql`
    create or replace function access_log_is_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and pg_trigger_depth() > 1 and old.seq is null and new.seq is not null
        and (old.id, old.occurred_at, old.action, old.outcome, old.actor_type, old.actor_id, old.actor_role,
             old.actor_name, old.on_behalf_link_id, old.on_behalf_of, old.client_id, old.data_kind,
             old.record_id, old.source_ip, old.user_agent, old.request_id, old.auth_method, old.assurance)
          is not distinct from
            (new.id, new.occurred_at, new.action, new.outcome, new.actor_type, new.actor_id, new.actor_role,
             new.actor_name, new.on_behalf_link_id, new.on_behalf_of, new.client_id, new.data_kind,
             new.record_id, new.source_ip, new.user_agent, new.request_id, new.auth_method, new.assurance) then
        return new;
      end if;
      raise exception 'access_log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function access_log_is_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and pg_trigger_depth() > 1 and old.seq is null and new.seq is not null
        and (old.id, old.occurred_at, old.action, old.outcome, old.actor_type, old.actor_id, old.actor_role,
             old.actor_name, old.on_behalf_link_id, old.on_behalf_of, old.client_id, old.data_kind,
             old.record_id, old.source_ip, old.user_agent, old.request_id)
          is not distinct from
            (new.id, new.occurred_at, new.action, new.outcome, new.actor_type, new.actor_id, new.actor_role,
             new.actor_name, new.on_behalf_link_id, new.on_behalf_of, new.client_id, new.data_kind,
             new.record_id, new.source_ip, new.user_agent, new.request_id) then
        return new;
      end if;
      raise exception 'access_log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db)
  await sql`
    create or replace function access_log_chain_hash(prev bytea, seq bigint, r access_log) returns bytea language sql stable parallel safe as $$
      select sha256(prev || textsend(json_build_array(
        'access_log/1', seq::text, r.id::text, ((extract(epoch from r.occurred_at) * 1000000)::bigint)::text,
        r.action, r.outcome, r.actor_type, r.actor_id, r.actor_role, r.actor_name,
        r.on_behalf_link_id::text, r.on_behalf_of, r.client_id::text, r.data_kind, r.record_id,
        r.source_ip, r.user_agent, r.request_id)::text))
    $$`.execute(db)
  await sql`alter table access_log drop column auth_method, drop column assurance`.execute(db)
  await sql`alter table organisation drop column login_policy`.execute(db)
  await sql`alter table session drop column assurance`.execute(db)
  await sql`alter table sso_login_state drop column purpose, drop column account_id`.execute(db)
  await sql`drop index account_bsn_lookup_idx`.execute(db)
  await sql`alter table account drop column bsn_encrypted, drop column bsn_lookup`.execute(db)
}
