import type { Permissions } from '@shared/schemas/admin-accounts.ts'

/** The sections a link can open, in the portal menu's order. */
export const PERMISSION_KEYS: (keyof Permissions)[] = ['reports', 'carePlan', 'appointments', 'messages', 'profile', 'subscriptions']
