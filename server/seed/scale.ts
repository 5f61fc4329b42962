import { randomUUID } from 'node:crypto'
import { base, en, Faker, nl } from '@faker-js/faker'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database } from '../platform/db/schema.ts'
import { amsterdamDate } from '../platform/amsterdam-time.ts'
import { APPOINTMENT_KINDS, FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, STREETS, TOWNS } from './demo-texts.ts'
import { composeCareReport, type Shift } from './report-texts.ts'

/**
 * Bulk data for benchmarks: many clients and reports on top of the demo data. The rows are
 * made by PostgreSQL itself (INSERT … SELECT … FROM generate_series) in large batches, so a
 * million reports cost a few dozen statements instead of a million round trips. Texts come
 * from a pool of generated reports. Scale clients have no BSN or bank account at all.
 * Each batch commits on its own: an interrupted run leaves the batches done so far.
 */

export const SCALE_BATCH_SIZE = 50_000
export const REPORTS_PER_APPOINTMENT = 20
const TEXT_POOL_SIZE = 400
const AUTHORS_PER_TEAM = 3
const POSTAL_CODE_LETTERS = 'ABCEGHJKLMNPRTVWXZ'
const FIRST_SCALE_CLIENT_NUMBER = 20_000_000

export interface ScaleProgress {
  phase: 'clients' | 'reports' | 'appointments'
  /** Rows written so far in this phase. */
  done: number
  total: number
}

export interface SeedScaleOptions {
  clients: number
  reports: number
  now: Date
  /** Rows per INSERT … SELECT statement. */
  batchSize?: number
  onProgress?: (progress: ScaleProgress) => void
}

export interface ScaleSeedSummary {
  clients: number
  reports: number
  appointments: number
}

export async function seedScale(db: Kysely<Database>, options: SeedScaleOptions): Promise<ScaleSeedSummary> {
  const { clients, reports, now } = options
  const batchSize = options.batchSize ?? SCALE_BATCH_SIZE
  for (const [name, value] of [['clients', clients], ['reports', reports], ['batchSize', batchSize]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number of 0 or more.`)
  }
  if (reports > 0 && clients === 0) throw new Error('Reports are spread over the new clients: --reports needs --clients of 1 or more.')
  const appointments = Math.ceil(reports / REPORTS_PER_APPOINTMENT)

  const teams = await db.selectFrom('team').select(['id']).orderBy('name').execute()
  if (teams.length === 0) throw new Error('Scale mode adds to the demo data: seed the demo data first (there are no teams).')
  const teamIds = teams.map((team) => team.id)
  const careStaff = await db
    .selectFrom('team_membership')
    .innerJoin('staff_member', 'staff_member.id', 'team_membership.staff_member_id')
    .select(['team_membership.team_id', 'staff_member.id', 'staff_member.discipline'])
    .where('staff_member.discipline', 'in', ['Verzorgende IG', 'Verpleegkundige', 'Helpende'])
    .orderBy('staff_member.id')
    .execute()
  // Per team: AUTHORS_PER_TEAM report authors (repeating when a team is small), aligned with teamIds.
  const authorIds: (string | null)[] = []
  const authorRoles: string[] = []
  const evvIds: (string | null)[] = []
  const evvDisciplines: string[] = []
  for (const teamId of teamIds) {
    const members = careStaff.filter((member) => member.team_id === teamId)
    for (let k = 0; k < AUTHORS_PER_TEAM; k++) {
      const member = members[k % Math.max(members.length, 1)]
      authorIds.push(member?.id ?? null)
      authorRoles.push(member?.discipline ?? 'Medewerker')
    }
    const evv = members.find((member) => member.discipline !== 'Helpende')
    evvIds.push(evv?.id ?? null)
    evvDisciplines.push(evv?.discipline ?? '')
  }

  const last = await sql<{ max: string | null }>`
    select max(client_number::bigint)::text as max from client where client_number ~ '^2[0-9]{7}$'`.execute(db)
  const firstNumber = Math.max(FIRST_SCALE_CLIENT_NUMBER, Number(last.rows[0]?.max ?? 0) + 1)
  // Ids are derived from a per-run key and the row number, so reports can name their client
  // without reading the clients back.
  const runKey = randomUUID()
  const clientId = (n: RawBuilder<unknown>) => derivedUuid(runKey, 'client', n)
  const today = amsterdamDate(now)
  const teamCount = teamIds.length
  const texts = textPool()

  const inBatches = async (phase: ScaleProgress['phase'], total: number, insert: (from: number, to: number) => Promise<unknown>) => {
    options.onProgress?.({ phase, done: 0, total })
    for (let from = 0; from < total; from += batchSize) {
      const to = Math.min(total, from + batchSize) - 1
      await insert(from, to)
      options.onProgress?.({ phase, done: to + 1, total })
    }
  }

  const g = sql.ref('g')
  await inBatches('clients', clients, async (from, to) => {
    const series = sql`generate_series(${from}::bigint, ${to}::bigint) as g`
    await sql`
      insert into client (id, client_number, gender, initials, given_name, name_prefix, family_name, date_of_birth,
        marital_status, place_of_birth, nationality, street, house_number, postal_code, city, legal_capacity,
        admission_status, admission_legal_basis, general_practitioner, identity_established)
      select ${clientId(g)}, (${firstNumber}::bigint + g)::text,
        case when g % 10 < 7 then 'female' else 'male' end, left(given_name, 1) || '.', given_name,
        (${FAMILY_NAMES.map(([prefix]) => prefix)}::text[])[(1 + (g * 7) % ${FAMILY_NAMES.length})::int],
        (${FAMILY_NAMES.map(([, name]) => name)}::text[])[(1 + (g * 7) % ${FAMILY_NAMES.length})::int],
        ${today}::date - (71 * 365 + ((g * 7919) % (27 * 365)))::int,
        case when g % 10 < 7 then 'weduwe' else 'gehuwd' end, 'Utrecht', 'Nederlandse',
        (${[...STREETS]}::text[])[(1 + g % ${STREETS.length})::int], (1 + g % 150)::text,
        (3500 + g % 99)::text || ' ' || substr(${POSTAL_CODE_LETTERS}, (1 + g % 18)::int, 1) || substr(${POSTAL_CODE_LETTERS}, (1 + (g / 18) % 18)::int, 1),
        (${TOWNS.map((town) => town.name)}::text[])[(1 + g % ${TOWNS.length})::int],
        'wilsbekwaam', 'Vrijwillig', 'Wlz-indicatie', 'Huisartsenpraktijk De Brink', true
      from (
        select g, case when g % 10 < 7
          then (${[...FEMALE_GIVEN_NAMES]}::text[])[(1 + (g * 13 + g / 10) % ${FEMALE_GIVEN_NAMES.length})::int]
          else (${[...MALE_GIVEN_NAMES]}::text[])[(1 + (g * 13 + g / 10) % ${MALE_GIVEN_NAMES.length})::int] end as given_name
        from ${series}
      ) as numbered`.execute(db)
    // Everyone is in a team (staff see their teams' clients) and has an EVV-er.
    await sql`
      insert into care_assignment (client_id, team_id, staff_member_id, role, discipline, valid_from)
      select ${clientId(g)}, (${teamIds}::uuid[])[(1 + g % ${teamCount})::int], null, 'team', '', ${today}::date - (400 + (g * 37) % 1500)::int
      from ${series}
      union all
      select ${clientId(g)}, null, (${evvIds}::uuid[])[(1 + g % ${teamCount})::int], 'evv',
        (${evvDisciplines}::text[])[(1 + g % ${teamCount})::int], ${today}::date - (400 + (g * 37) % 1500)::int
      from ${series} where (${evvIds}::uuid[])[(1 + g % ${teamCount})::int] is not null`.execute(db)
  })

  const c = sql.ref('c')
  await inBatches('reports', reports, async (from, to) => {
    const author = sql`(1 + (c % ${teamCount}) * ${AUTHORS_PER_TEAM} + (r / ${clients}) % ${AUTHORS_PER_TEAM})::int`
    const text = sql`(1 + (r * 7919) % ${TEXT_POOL_SIZE})::int`
    await sql`
      insert into report (client_id, team_id, author_staff_id, author_role, care_plan_goal, body, reported_at, visible_in_portal)
      select ${clientId(c)}, (${teamIds}::uuid[])[(1 + c % ${teamCount})::int],
        (${authorIds}::uuid[])[${author}], (${authorRoles}::text[])[${author}],
        case when c % 10 < 7 then (${texts.femaleGoals}::text[])[${text}] else (${texts.maleGoals}::text[])[${text}] end,
        case when c % 10 < 7 then (${texts.femaleBodies}::text[])[${text}] else (${texts.maleBodies}::text[])[${text}] end,
        ${now}::timestamptz - (1 + (r * 2654435761) % 31535999) * interval '1 second',
        r % 20 <> 7
      from (select r, r % ${clients} as c from generate_series(${from}::bigint, ${to}::bigint) as r) as numbered`.execute(db)
  })

  await inBatches('appointments', appointments, async (from, to) => {
    const kind = sql`(1 + a % ${APPOINTMENT_KINDS.length})::int`
    await sql`
      insert into appointment (client_id, starts_at, ends_at, title, location, with_whom)
      select ${clientId(sql`(a % ${clients})`)}, starts_at, starts_at + interval '45 minutes',
        (${APPOINTMENT_KINDS.map((k) => k.title)}::text[])[${kind}],
        (${APPOINTMENT_KINDS.map((k) => k.location)}::text[])[${kind}],
        (${APPOINTMENT_KINDS.map((k) => k.withWhom ?? k.withDiscipline ?? '')}::text[])[${kind}]
      from (
        select a, ((${today}::date + ((a * 7919) % 390 - 300)::int) + make_time((9 + a % 8)::int, ((a % 4) * 15)::int, 0))
          at time zone 'Europe/Amsterdam' as starts_at
        from generate_series(${from}::bigint, ${to}::bigint) as a
      ) as numbered`.execute(db)
  })

  return { clients, reports, appointments }
}

/** A version-4-shaped uuid from md5(runKey:kind:n): stable per run, unique across runs. */
function derivedUuid(runKey: string, kind: string, n: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`overlay(overlay(md5(${`${runKey}:${kind}:`} || ${n}::text) placing '4' from 13) placing '8' from 17)::uuid`
}

/** A fixed pool of report texts per gender; the goal at index i belongs to the body at index i. */
function textPool() {
  const faker = new Faker({ locale: [nl, en, base], seed: 7 })
  const pool = { femaleGoals: [] as string[], femaleBodies: [] as string[], maleGoals: [] as string[], maleBodies: [] as string[] }
  for (let i = 0; i < TEXT_POOL_SIZE; i++) {
    const shift = faker.helpers.arrayElement<Shift>(['day', 'day', 'evening', 'night'])
    const female = composeCareReport(faker, shift, true)
    const male = composeCareReport(faker, shift, false)
    pool.femaleGoals.push(female.goal)
    pool.femaleBodies.push(female.body)
    pool.maleGoals.push(male.goal)
    pool.maleBodies.push(male.body)
  }
  return pool
}
