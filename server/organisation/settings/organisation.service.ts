import type { Kysely } from 'kysely'
import type { PasswordPolicy } from '../../../shared/password-policy.ts'
import type { Branding } from '../../../shared/schemas/organisation.ts'
import type { Database } from '../../platform/db/schema.ts'
import { notFound } from '../../platform/errors.ts'
import { findLogo, findOrganisation, findSecuritySettings } from './organisation.repository.ts'
import type { LoginPolicy } from './organisation.table.ts'

/** Shown when the database has no organisation yet (before seeding or set-up). */
const UNCONFIGURED: Branding = {
  name: 'Cliëntportaal',
  tagline: '',
  primaryColor: '#1f4e79',
  accentColor: '#e8f0f8',
  supportText: '',
  logoUrl: null,
}

export async function getBranding(db: Kysely<Database>): Promise<Branding> {
  const row = await findOrganisation(db)
  if (!row) return UNCONFIGURED
  return {
    name: row.name,
    tagline: row.tagline,
    primaryColor: row.primary_color,
    accentColor: row.accent_color,
    supportText: row.support_text,
    // The version in the path lets the browser fetch a new logo after a change.
    logoUrl: row.has_logo ? `/api/organisation/logo?v=${row.updated_at.getTime()}` : null,
  }
}

export async function getLogo(db: Kysely<Database>): Promise<{ image: Buffer; mimeType: string }> {
  const row = await findLogo(db)
  if (!row?.logo || !row.logo_mime_type) throw notFound('organisation has no logo')
  return { image: row.logo, mimeType: row.logo_mime_type }
}

export interface SecuritySettings {
  passwordPolicy: PasswordPolicy
  sessionIdleMinutes: number
  sessionMaxHours: number
  /** Which ways in are enough to read the record (see identity/authentication/login-policy.ts). */
  loginPolicy: LoginPolicy
}

/** The organisation's password and session rules; the secure defaults before set-up. */
export async function getSecuritySettings(db: Kysely<Database>): Promise<SecuritySettings> {
  return securitySettingsOf(await findSecuritySettings(db))
}

/** The organisation's columns the settings come from; null where a left join found no organisation. */
export interface SecuritySettingsColumns {
  password_min_length?: number | null
  password_require_composition?: boolean | null
  session_idle_minutes?: number | null
  session_max_hours?: number | null
  login_policy?: LoginPolicy | null
}

/** The settings of an organisation row (or its parts read with the session), with the defaults for what is missing. */
export function securitySettingsOf(row: SecuritySettingsColumns | undefined): SecuritySettings {
  return {
    passwordPolicy: { minLength: row?.password_min_length ?? 12, requireComposition: row?.password_require_composition ?? false },
    sessionIdleMinutes: row?.session_idle_minutes ?? 15,
    sessionMaxHours: row?.session_max_hours ?? 12,
    // Before the organisation is set up (no row) nothing is refused yet; a new organisation
    // row starts at 'digid_or_strong' (the column's default, see the DigiD migration).
    loginPolicy: row?.login_policy ?? 'with_sms',
  }
}
