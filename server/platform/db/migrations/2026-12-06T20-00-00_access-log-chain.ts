import { type Kysely, sql } from 'kysely'

// Frozen in time: this migration never imports application code and is never edited
// once released. Change the schema with a new migration.
//
// The access log becomes a hash chain (docs/decisions/access-log-integrity.md): every row
// gets a sequence number, the previous row's hash and its own hash,
//   hash = sha256(prev_hash || canonical encoding of seq and the row's fields),
// the first row's prev_hash being 32 zero bytes.
// The verify command (npm run access-log:verify) recomputes it outside the database, so the
// encoding below is mirrored in server/features/access-log/access-log-chain.ts; a change
// to either is a new encoding version ('access_log/1' here) in a new migration.
//
// Rows are chained when their transaction commits (a deferred constraint trigger), not when
// they are inserted: the chain is locked only for the moment of the commit, so a long
// transaction that logs early (a FHIR Bundle of 5,000 entries) neither blocks every other
// request's log row nor deadlocks with them. The lock is a transaction-level advisory lock
// (7513, organisation 1), and the chain's head is its last chained row, found through the
// seq index: a head row updated once per log row would grow a chain of row versions inside
// one large transaction and make a 200,000-row INSERT quadratic.

export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  // SECURITY DEFINER functions get a fixed search path with pg_temp last, so nobody can shadow
  // a table with a temporary one of the same name.
  const searchPath = sql`${sql.id(rows[0]!.schema)}, pg_temp`

  await sql`alter table access_log add column seq bigint, add column prev_hash bytea, add column hash bytea`.execute(db)

  // The hash is over the text's UTF-8 bytes (textsend gives the database encoding's), as the verify command in Node computes them.
  const { rows: encoding } = await sql<{ name: string }>`select getdatabaseencoding() as name`.execute(db)
  if (encoding[0]!.name !== 'UTF8') throw new Error(`The database must use UTF8, not ${encoding[0]!.name}: createdb -E UTF8`)

  // The message hashed is a JSON array of text values (null stays null), as json_build_array
  // writes it: ["access_log/1", "<seq>", "<id>", "<occurred_at in microseconds>", "<action>", ...].
  // JSON's escaping makes it unambiguous, and one C function builds it: an encoding of
  // length-prefixed fields in SQL functions made chaining thirty times slower (measured).
  await sql`
    create function access_log_chain_hash(prev bytea, seq bigint, r access_log) returns bytea language sql stable parallel safe as $$
      select sha256(prev || textsend(json_build_array(
        'access_log/1', seq::text, r.id::text, ((extract(epoch from r.occurred_at) * 1000000)::bigint)::text,
        r.action, r.outcome, r.actor_type, r.actor_id, r.actor_role, r.actor_name,
        r.on_behalf_link_id::text, r.on_behalf_of, r.client_id::text, r.data_kind, r.record_id,
        r.source_ip, r.user_agent, r.request_id)::text))
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
    end
    $$`.execute(db)
  await sql`alter table access_log enable trigger access_log_no_update_or_delete`.execute(db)
  // Only chained rows are indexed: an INSERT adds no entry, the chaining adds one.
  await sql`create unique index access_log_seq_idx on access_log (seq) where seq is not null`.execute(db)

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
  // DEFINER: the runtime role may not update access_log; it extends the chain only by
  // committing new log rows through this function.
  await sql`
    create function access_log_chain() returns trigger language plpgsql security definer
    set search_path = ${searchPath} as $$
    declare
      head_seq bigint;
      head_hash bytea;
      next_hash bytea;
    begin
      -- One organisation runs the portal (organisation.id is always 1), so there is one chain.
      -- The lock, held until the commit ends, serialises the commits of all app instances
      -- that logged something; the statement after it sees every chain row committed before.
      perform pg_advisory_xact_lock(7513, 1);
      select seq, hash into head_seq, head_hash from access_log where seq is not null order by seq desc limit 1;
      if not found then
        head_seq := 0;
        head_hash := decode(repeat('00', 32), 'hex');
      end if;
      head_seq := head_seq + 1;
      next_hash := access_log_chain_hash(head_hash, head_seq, new);
      update access_log set seq = head_seq, prev_hash = head_hash, hash = next_hash where id = new.id;
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
  await sql`alter table access_log drop column seq, drop column prev_hash, drop column hash`.execute(db)
}
