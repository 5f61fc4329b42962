import { describe, expect, it } from 'vitest'
import { mayOpenSection, type PermissionColumn, type Section, SECTIONS, sectionsOfLink } from './client-access.policy.ts'

const NONE: Record<PermissionColumn, boolean> = {
  may_read_reports: false, may_read_care_plan: false, may_use_appointments: false, may_use_messages: false, may_read_profile: false, may_read_subscriptions: false,
}

describe('the section permission rule of a link', () => {
  it.each<[Section, PermissionColumn]>([
    ['reports', 'may_read_reports'],
    ['care_plan', 'may_read_care_plan'],
    ['appointments', 'may_use_appointments'],
    ['messages', 'may_use_messages'],
    ['profile', 'may_read_profile'],
    ['subscriptions', 'may_read_subscriptions'],
  ])('%s opens with %s alone, and with nothing else', (section, column) => {
    const link = { ...NONE, [column]: true }
    for (const other of SECTIONS) expect(mayOpenSection(link, other), other).toBe(other === section)
    // The menu the web app gets is the same rule.
    expect([...sectionsOfLink(link)]).toEqual([section])
  })

  it('a link without permissions opens no section; one with all opens every one, in the menu’s order', () => {
    expect([...sectionsOfLink(NONE)]).toEqual([])
    const all = Object.fromEntries(Object.keys(NONE).map((column) => [column, true])) as Record<PermissionColumn, boolean>
    expect([...sectionsOfLink(all)]).toEqual([...SECTIONS])
  })
})
