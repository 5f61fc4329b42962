import { describe, expect, it } from 'vitest'
import { type AppointmentChanger, type AppointmentFacts, mayChangeAppointment } from './appointment.policy.ts'

const anna: AppointmentChanger = { kind: 'account', accountId: 'anna' }
const caregiver: AppointmentChanger = { kind: 'caregiver' }
const cancelled = new Date('2026-11-20T10:00:00Z')

describe('mayChangeAppointment', () => {
  it.each<[string, AppointmentChanger, AppointmentFacts, boolean]>([
    ['an account, its own', anna, { created_by_account_id: 'anna', cancelled_at: null }, true],
    ['an account, another account’s', anna, { created_by_account_id: 'bert', cancelled_at: null }, false],
    ['an account, the care team’s or the ECD’s', anna, { created_by_account_id: null, cancelled_at: null }, false],
    ['an account, its own but cancelled', anna, { created_by_account_id: 'anna', cancelled_at: cancelled }, false],
    ['a caregiver, a relative’s', caregiver, { created_by_account_id: 'anna', cancelled_at: null }, true],
    ['a caregiver, the care team’s or the ECD’s', caregiver, { created_by_account_id: null, cancelled_at: null }, true],
    ['a caregiver, a cancelled one', caregiver, { created_by_account_id: null, cancelled_at: cancelled }, false],
  ])('%s → %s', (_case, changer, appointment, expected) => {
    expect(mayChangeAppointment(changer, appointment)).toBe(expected)
  })
})
