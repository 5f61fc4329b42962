import type { Permissions } from '@shared/schemas/admin-accounts.ts'
import type { MessageKey } from '@/i18n/nl.ts'

/** The sections a grant can open, in the portal menu's order, with their names. */
export const SECTION_KEYS: (keyof Permissions)[] = ['reports', 'carePlan', 'appointments', 'messages', 'profile', 'subscriptions']

export const SECTION_LABEL: Record<keyof Permissions, MessageKey> = {
  reports: 'menu.reports', carePlan: 'menu.carePlanPrints', appointments: 'menu.appointments', messages: 'menu.messages', profile: 'menu.profile', subscriptions: 'menu.subscriptions',
}

export function sectionNames(p: Permissions, t: (key: MessageKey) => string): string {
  return SECTION_KEYS.filter((key) => p[key]).map((key) => t(SECTION_LABEL[key])).join(', ')
}
