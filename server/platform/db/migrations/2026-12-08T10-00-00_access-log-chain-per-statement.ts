import { type Kysely, sql } from 'kysely'

// Frozen in time: never imports application code, never edited once released.
//
// The access log's chain is extended once per INSERT statement instead of once per row
// (docs/decisions/access-log-integrity.md, "Chaining per statement"). The hash, its encodings
// (access_log/1 and /2), the columns, the lock and the moment (the commit) stay as they were;
// only the work per row shrinks:
// - an AFTER INSERT ... FOR EACH STATEMENT trigger (named access_log_chain, as the per-row
//   trigger it replaces) notes the statement's new rows, in id order (their insertion order),
//   as one row of access_log_unchained;
// - a deferred constraint trigger on that row chains them all when the transaction commits:
//   the lock and the chain's head once, then a hash per row, then one UPDATE for all of them,
//   and the note is deleted.
// The runtime role may only read access_log_unchained (database-roles.ts, READ_ONLY), so it can
// neither drop a note before the commit nor invent one.

export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  const searchPath = sql`${sql.id(rows[0]!.schema)}, pg_temp`

  await sql`
    create table access_log_unchained (
      id bigint generated always as identity primary key,
      log_ids bigint[] not null
    )`.execute(db)

  await sql`
    create function access_log_note_unchained() returns trigger language plpgsql security definer
    set search_path = ${searchPath} as $$
    begin
      insert into access_log_unchained (log_ids)
        select array_agg(id order by id) from added having count(*) > 0;
      return null;
    end
    $$`.execute(db)
  await sql`revoke all on function access_log_note_unchained() from public`.execute(db)

  await sql`
    create function access_log_chain_statement() returns trigger language plpgsql security definer
    set search_path = ${searchPath} as $$
    declare
      r access_log;
      head_seq bigint;
      head_hash bytea;
      next_hash bytea;
      ids bigint[] := '{}';
      seqs bigint[] := '{}';
      prevs bytea[] := '{}';
      hashes bytea[] := '{}';
    begin
      -- One chain (organisation 1), one logging commit at a time, as before.
      perform pg_advisory_xact_lock(7513, 1);
      select seq, hash into head_seq, head_hash from access_log where seq is not null order by seq desc limit 1;
      if not found then
        head_seq := 0;
        head_hash := decode(repeat('00', 32), 'hex');
      end if;
      for r in select * from access_log where id = any(new.log_ids) and seq is null order by id loop
        head_seq := head_seq + 1;
        next_hash := access_log_chain_hash(head_hash, head_seq, r);
        ids := ids || r.id;
        seqs := seqs || head_seq;
        prevs := prevs || head_hash;
        hashes := hashes || next_hash;
        head_hash := next_hash;
      end loop;
      update access_log l set seq = c.seq, prev_hash = c.prev_hash, hash = c.hash
        from unnest(ids, seqs, prevs, hashes) as c(id, seq, prev_hash, hash)
        where l.id = c.id;
      delete from access_log_unchained where id = new.id;
      return null;
    end
    $$`.execute(db)
  await sql`revoke all on function access_log_chain_statement() from public`.execute(db)

  await sql`drop trigger access_log_chain on access_log`.execute(db)
  await sql`
    create trigger access_log_chain after insert on access_log
      referencing new table as added
      for each statement execute function access_log_note_unchained()`.execute(db)
  await sql`
    create constraint trigger access_log_unchained_chain after insert on access_log_unchained
      deferrable initially deferred
      for each row execute function access_log_chain_statement()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger access_log_chain on access_log`.execute(db)
  await sql`drop table access_log_unchained`.execute(db)
  await sql`drop function access_log_chain_statement()`.execute(db)
  await sql`drop function access_log_note_unchained()`.execute(db)
  await sql`
    create constraint trigger access_log_chain after insert on access_log
      deferrable initially deferred
      for each row execute function access_log_chain()`.execute(db)
}
