import type { Faker } from '@faker-js/faker'
import type { Insertable } from 'kysely'
import type { AppointmentTable } from '../record/appointments/appointment.table.ts'
import type { ReportTable } from '../record/reports/report.table.ts'
import type { SubscriptionTable } from '../record/subscriptions/subscription.table.ts'
import { addDays, amsterdamDate, amsterdamInstant, firstOfMonth } from '../platform/amsterdam-time.ts'
import type { ClientCareTeam } from './demo-care-team.ts'
import { DEMO_CLIENT_INDEX, type DemoPeople, type PlannedClient } from './demo-people.ts'
import { APPOINTMENT_KINDS, SUBSCRIPTIONS } from './demo-texts.ts'
import { composeCareReport, composePractitionerReport, type Shift } from './report-texts.ts'

/** The record itself: a year of reports, appointments around today, subscriptions. */

const HOUR_MS = 60 * 60 * 1000
const REPORT_DAYS = 365
const PRACTITIONER_REPORT_SHARE = 0.08
const HIDDEN_REPORT_SHARE = 0.05

/** Hour and minute as the 'HH:MM' the calendar reads. */
const wallClock = (hour: number, minute: number) => `${hour}:${String(minute).padStart(2, '0')}`

const SHIFT_HOURS: Record<Shift, readonly number[]> = {
  day: [7, 8, 9, 10, 11, 12, 13, 14],
  evening: [15, 16, 17, 18, 19, 20, 21, 22],
  night: [23, 0, 1, 2, 3, 4, 5, 6],
}

export function planReports(faker: Faker, people: DemoPeople, careTeams: Map<string, ClientCareTeam>, now: Date): Insertable<ReportTable>[] {
  const today = amsterdamDate(now)
  const reports: Insertable<ReportTable>[] = []
  for (const client of people.clients) {
    const careTeam = careTeams.get(client.id)
    const teamId = people.teams[client.teamIndex]?.id ?? null
    if (!careTeam) continue
    for (let dayOffset = REPORT_DAYS; dayOffset >= 0; dayOffset--) {
      const day = addDays(today, -dayOffset)
      const reportsToday = faker.helpers.weightedArrayElement([
        { value: 1, weight: 30 }, { value: 2, weight: 40 }, { value: 3, weight: 25 }, { value: 4, weight: 5 },
      ])
      for (let n = 0; n < reportsToday; n++) {
        const shift = faker.helpers.weightedArrayElement<Shift>([
          { value: 'day', weight: 50 }, { value: 'evening', weight: 35 }, { value: 'night', weight: 15 },
        ])
        const reportedAt = amsterdamInstant(day, wallClock(faker.helpers.arrayElement(SHIFT_HOURS[shift]), faker.number.int({ min: 0, max: 59 })))
        if (reportedAt >= now) continue
        reports.push({ ...writeReport(faker, client, careTeam, day, shift), client_id: client.id, team_id: teamId, reported_at: reportedAt, visible_in_portal: faker.number.float() >= HIDDEN_REPORT_SHARE })
      }
    }
  }
  return reports
}

function writeReport(faker: Faker, client: PlannedClient, careTeam: ClientCareTeam, day: string, shift: Shift) {
  if (shift === 'day' && faker.number.float() < PRACTITIONER_REPORT_SHARE) {
    const active = careTeam.practitioners.filter((p) => p.from <= day && (p.until === null || p.until >= day))
    const practitioner = active.length > 0 ? faker.helpers.arrayElement(active).staff : careTeam.responsible
    const text = practitioner && composePractitionerReport(faker, practitioner.discipline, client.female)
    if (practitioner && text) {
      return { author_staff_id: practitioner.id, author_role: practitioner.discipline, care_plan_goal: text.goal, body: text.body }
    }
  }
  const author = faker.helpers.arrayElement(careTeam.caregivers.length > 0 ? careTeam.caregivers : [careTeam.evv])
  const text = composeCareReport(faker, shift, client.female)
  return { author_staff_id: author.id, author_role: author.discipline, care_plan_goal: text.goal, body: text.body }
}

export function planAppointments(
  faker: Faker,
  people: DemoPeople,
  careTeams: Map<string, ClientCareTeam>,
  now: Date,
  familyAccountId: string,
): Insertable<AppointmentTable>[] {
  const today = amsterdamDate(now)
  const appointments: Insertable<AppointmentTable>[] = []

  const add = (client: PlannedClient, day: string, hour: number, minute: number, kindTitle?: string, byFamily = false) => {
    const careTeam = careTeams.get(client.id)
    const kind = APPOINTMENT_KINDS.find((k) => k.title === kindTitle) ?? faker.helpers.arrayElement(APPOINTMENT_KINDS)
    const startsAt = amsterdamInstant(day, wallClock(hour, minute))
    const practitioner = careTeam?.practitioners.find((p) => p.staff.discipline === kind.withDiscipline)?.staff
      ?? (kind.withDiscipline === careTeam?.responsible?.discipline ? careTeam?.responsible : undefined)
    const withWhom = practitioner ? `${practitioner.name} (${practitioner.discipline.toLowerCase()})`
      : kind.withWhom === 'EVV-er' ? `${careTeam?.evv.name ?? 'EVV-er'} (EVV-er)`
      : kind.withWhom === 'Familie' ? (byFamily ? 'Marieke (dochter)' : 'Familie')
      : kind.withWhom ?? kind.withDiscipline ?? ''
    // A few random appointments were cancelled; the fixed demo ones never are.
    const cancelled = kindTitle === undefined && faker.number.float() < 0.05
    appointments.push({
      client_id: client.id,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + kind.minutes * 60_000),
      title: kind.title,
      location: kind.location,
      with_whom: withWhom,
      created_by_account_id: byFamily ? familyAccountId : null,
      created_by_staff_id: byFamily ? null : (careTeam?.evv.id ?? null),
      cancelled_at: cancelled ? new Date(Math.min(startsAt.getTime() - 24 * HOUR_MS, now.getTime() - HOUR_MS)) : null,
    })
  }
  const randomTime = () => [faker.number.int({ min: 9, max: 16 }), faker.helpers.arrayElement([0, 15, 30, 45])] as const

  for (const client of people.clients) {
    const pastCount = faker.number.int({ min: 8, max: 16 })
    for (let i = 0; i < pastCount; i++) add(client, addDays(today, -faker.number.int({ min: 1, max: 360 })), ...randomTime())
    const futureCount = faker.number.int({ min: 2, max: 5 })
    for (let i = 0; i < futureCount; i++) add(client, addDays(today, faker.number.int({ min: 2, max: 90 })), ...randomTime())
    if (faker.number.float() < 0.35) add(client, today, ...randomTime())
    if (faker.number.float() < 0.35) add(client, addDays(today, 1), ...randomTime())
  }

  // Fixed appointments so the demo's home screens show "today and tomorrow" for sure.
  const father = people.clients[DEMO_CLIENT_INDEX.father]
  const mother = people.clients[DEMO_CLIENT_INDEX.mother]
  const self = people.clients[DEMO_CLIENT_INDEX.self]
  if (father) {
    add(father, today, 10, 30, 'Fysiotherapie')
    add(father, today, 15, 0, 'Bezoek familie', true)
  }
  if (mother) add(mother, addDays(today, 1), 10, 0, 'Kapper')
  if (self) add(self, addDays(today, 1), 14, 0, 'Pedicure')
  return appointments
}

export function planSubscriptions(faker: Faker, people: DemoPeople, now: Date): Insertable<SubscriptionTable>[] {
  const today = amsterdamDate(now)
  const subscriptions: Insertable<SubscriptionTable>[] = []
  for (const [index, client] of people.clients.entries()) {
    const homeCare = people.teams[client.teamIndex]?.homeCare ?? false
    const offered = SUBSCRIPTIONS.filter((s) => homeCare || !s.homeCareOnly)
    // demo.client has the source document's example: hairdresser and pedicure.
    const chosen = index === DEMO_CLIENT_INDEX.self
      ? offered.filter((s) => s.service === 'Kapper' || s.service === 'Pedicure')
      : faker.helpers.arrayElements(offered, { min: 1, max: 3 })
    for (const subscription of chosen) {
      const startsOn = firstOfMonth(client.admittedOn, -1)
      const ended = index !== DEMO_CLIENT_INDEX.self && faker.number.float() < 0.2
      const endsOn = ended ? addDays(firstOfMonth(today, faker.number.int({ min: 1, max: 10 })), -1) : null
      subscriptions.push({
        client_id: client.id,
        service: subscription.service,
        supplier: faker.helpers.arrayElement(subscription.suppliers),
        starts_on: startsOn,
        ends_on: endsOn !== null && endsOn < startsOn ? null : endsOn,
      })
    }
  }
  return subscriptions
}
