import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpenDatabase } from '../db/database.ts'
import { down, up } from '../db/migrations/2026-12-06T20-10-00_outbox-encrypted-payload.ts'
import { createTestDatabase } from '../../test/test-database.ts'

let database: OpenDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.close())

const LINK = 'https://portaal.example/wachtwoord-instellen#oud-token-uit-de-tijd-voor-versleuteling'

describe('migration 2026-12-06T20-10-00_outbox-encrypted-payload', () => {
  it('drops every plaintext body it cannot encrypt, gives pending messages up with a reason, and keeps the delivery record', async () => {
    // Back to the schema before it, with rows as the old code wrote them.
    await down(database.db)
    for (const status of ['sent', 'pending', 'sending', 'failed']) {
      await sql`
        insert into outbox_message (channel, recipient, subject, body_text, body_html, status, next_attempt_at, created_at)
        values ('email', ${`${status}@example.org`}, 'Welkom', ${LINK}, ${`<a href="${LINK}">`}, ${status}, now(), now())`.execute(database.db)
    }

    await up(database.db)

    const rows = await sql<Record<string, unknown>>`select * from outbox_message order by id`.execute(database.db)
    expect(JSON.stringify(rows.rows)).not.toContain('oud-token')
    expect(rows.rows.map((row) => [row.recipient, row.status, row.payload])).toEqual([
      ['sent@example.org', 'sent', null],
      ['pending@example.org', 'failed', null],
      ['sending@example.org', 'failed', null],
      ['failed@example.org', 'failed', null],
    ])
    expect(rows.rows[1]?.last_error).toMatch(/queued before outbox encryption/)
    expect(Object.keys(rows.rows[0] ?? {})).not.toContain('body_text')
    // A message still to be sent cannot lack its encrypted body.
    await expect(
      sql`insert into outbox_message (channel, recipient, status, next_attempt_at, created_at) values ('sms', '+31612345678', 'pending', now(), now())`.execute(database.db),
    ).rejects.toThrow(/outbox_message_payload_check/)
  })
})
