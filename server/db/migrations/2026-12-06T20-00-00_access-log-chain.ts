import { type Kysely, sql } from 'kysely'

// Frozen in time: this migration never imports application code and is never edited
// once released. Change the schema with a new migration.
//
// The access log becomes a hash chain (docs/decisions/access-log-integrity.md): every row
// gets a sequence number, the previous row's hash and its own hash,
//   hash = sha256(prev_hash || canonical encoding of seq and the row's fields).
// The verify command (npm run access-log:verify) recomputes it outside the database, so the
// encoding below is mirrored in server/features/access-log/access-log-chain.ts; a change
// to either is a new encoding version ('access_log/1' here) in a new migration.
//
// Rows are chained when their transaction commits (a deferred constraint trigger), not when
// they are inserted: the chain head is locked only for the moment of the commit, so a long
// transaction that logs early (a FHIR Bundle of 5,000 entries) neither blocks every other
// request's log row nor deadlocks with them.

export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  // SECURITY DEFINER functions get a fixed search path with pg_temp last, so nobody can shadow
  // a table with a temporary one of the same name.
  const searchPath = sql`${sql.id(rows[0]!.schema)}, pg_temp`

  await sql`alter table access_log add column seq bigint, add column prev_hash bytea, add column hash bytea`.execute(db)

  // One organisation runs the portal (organisation.id is always 1), so there is one chain.
  await sql`
    create table access_log_chain_head (
      organisation_id smallint primary key default 1 check (organisation_id = 1),
      seq bigint not null check (seq >= 0),
      hash bytea not null check (octet_length(hash) = 32)
    )`.execute(db)

  // A nullable text as bytes: 0x00 for null, else 0x01, the UTF-8 length (4 bytes, big-endian) and the UTF-8 bytes.
  await sql`
    create function access_log_chain_field(value text) returns bytea language sql immutable parallel safe
    set search_path = ${searchPath} as $$
      select case when value is null then '\\x00'::bytea
        else '\\x01'::bytea || int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8') end
    $$`.execute(db)

  await sql`
    create function access_log_chain_hash(prev bytea, seq bigint, r access_log) returns bytea language sql immutable parallel safe
    set search_path = ${searchPath} as $$
      select sha256(
        convert_to('access_log/1', 'UTF8') || prev || int8send(seq) || int8send(r.id)
        || int8send((extract(epoch from r.occurred_at) * 1000000)::bigint)
        || access_log_chain_field(r.action) || access_log_chain_field(r.outcome)
        || access_log_chain_field(r.actor_type) || access_log_chain_field(r.actor_id)
        || access_log_chain_field(r.actor_role) || access_log_chain_field(r.actor_name)
        || access_log_chain_field(r.on_behalf_link_id::text) || access_log_chain_field(r.on_behalf_of)
        || access_log_chain_field(r.client_id::text) || access_log_chain_field(r.data_kind)
        || access_log_chain_field(r.record_id) || access_log_chain_field(r.source_ip)
        || access_log_chain_field(r.user_agent) || access_log_chain_field(r.request_id))
    $$`.execute(db)

  // Existing rows: chained in (occurred_at, id) order, the oldest first.
  await sql`alter table access_log disable trigger access_log_no_update_or_delete`.execute(db)
  await sql`
    do $$
    declare
      r access_log;
      head_seq bigint := 0;
      head_hash bytea := decode(repeat('00', 32), 'hex');
      next_hash bytea;
    begin
      for r in select * from access_log order by occurred_at, id loop
        head_seq := head_seq + 1;
        next_hash := access_log_chain_hash(head_hash, head_seq, r);
        update access_log set seq = head_seq, prev_hash = head_hash, hash = next_hash where id = r.id;
        head_hash := next_hash;
      end loop;
      insert into access_log_chain_head (organisation_id, seq, hash) values (1, head_seq, head_hash);
    end
    $$`.execute(db)
  await sql`alter table access_log enable trigger access_log_no_update_or_delete`.execute(db)
  await sql`create unique index access_log_seq_idx on access_log (seq)`.execute(db)

  // Whatever the inserting statement says, a new row starts unchained; the commit chains it.
  await sql`
    create function access_log_start_unchained() returns trigger language plpgsql
    set search_path = ${searchPath} as $$
    begin
      new.seq := null;
      new.prev_hash := null;
      new.hash := null;
      return new;
    end
    $$`.execute(db)
  await sql`
    create trigger access_log_start_unchained before insert on access_log
      for each row execute function access_log_start_unchained()`.execute(db)

  // Runs at commit, once per row in insertion order (multi-row INSERTs included). SECURITY
  // DEFINER: the runtime role may neither update access_log nor touch the chain head; it
  // changes them only by committing new log rows through this function.
  await sql`
    create function access_log_chain() returns trigger language plpgsql security definer
    set search_path = ${searchPath} as $$
    declare
      head_seq bigint;
      head_hash bytea;
      next_hash bytea;
    begin
      -- The row lock serialises the commits of all app instances on the one chain head.
      select seq, hash into head_seq, head_hash from access_log_chain_head where organisation_id = 1 for update;
      head_seq := head_seq + 1;
      next_hash := access_log_chain_hash(head_hash, head_seq, new);
      update access_log set seq = head_seq, prev_hash = head_hash, hash = next_hash where id = new.id;
      update access_log_chain_head set seq = head_seq, hash = next_hash where organisation_id = 1;
      return null;
    end
    $$`.execute(db)
  await sql`revoke all on function access_log_chain() from public`.execute(db)
  await sql`
    create constraint trigger access_log_chain after insert on access_log
      deferrable initially deferred
      for each row execute function access_log_chain()`.execute(db)

  // Append-only as before, with one exception: the chaining above, which fills seq, prev_hash
  // and hash of a row that has none yet, from inside a trigger, and changes nothing else.
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
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function access_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'access_log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db)
  await sql`drop trigger access_log_chain on access_log`.execute(db)
  await sql`drop trigger access_log_start_unchained on access_log`.execute(db)
  await sql`drop function access_log_chain()`.execute(db)
  await sql`drop function access_log_start_unchained()`.execute(db)
  await sql`drop function access_log_chain_hash(bytea, bigint, access_log)`.execute(db)
  await sql`drop function access_log_chain_field(text)`.execute(db)
  await sql`drop table access_log_chain_head`.execute(db)
  await sql`alter table access_log drop column seq, drop column prev_hash, drop column hash`.execute(db)
}
