import type { Generated } from 'kysely'

/** DigiD only; DigiD or a passkey/authenticator app (the default); or SMS as well (legacy). */
export type LoginPolicy = 'digid_only' | 'digid_or_strong' | 'with_sms'

export interface OrganisationTable {
  id: Generated<number>
  name: string
  tagline: Generated<string>
  logo: Buffer | null
  logo_mime_type: 'image/png' | 'image/jpeg' | 'image/webp' | null
  primary_color: Generated<string>
  accent_color: Generated<string>
  support_text: Generated<string>
  password_min_length: Generated<number>
  password_require_composition: Generated<boolean>
  session_idle_minutes: Generated<number>
  session_max_hours: Generated<number>
  /** Portal readers see a report author's name, not only the role (default off). */
  show_report_author_name: Generated<boolean>
  /** Which ways in are enough to read the record (Beheer → Beveiliging); see login-policy.ts. */
  login_policy: Generated<LoginPolicy>
  /** Clients (and legal representatives) may give a relative access themselves (Beheer; default on). */
  client_grants_enabled: Generated<boolean>
  /** An accepted invitation waits for an administrator's approval before it gives access (Beheer; default off). */
  client_grants_need_approval: Generated<boolean>
  updated_at: Generated<Date>
}
