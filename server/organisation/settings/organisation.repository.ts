import type { Kysely } from 'kysely'
import type { Database } from '../../platform/db/schema.ts'

export async function findOrganisation(db: Kysely<Database>) {
  return db
    .selectFrom('organisation')
    .select(['name', 'tagline', 'primary_color', 'accent_color', 'support_text', 'updated_at'])
    .select((eb) => eb('logo', 'is not', null).as('has_logo'))
    .executeTakeFirst()
}

export async function findLogo(db: Kysely<Database>) {
  return db
    .selectFrom('organisation')
    .select(['logo', 'logo_mime_type'])
    .where('logo', 'is not', null)
    .executeTakeFirst()
}

export async function findSecuritySettings(db: Kysely<Database>) {
  return db
    .selectFrom('organisation')
    .select(['password_min_length', 'password_require_composition', 'session_idle_minutes', 'session_max_hours', 'login_policy'])
    .executeTakeFirst()
}
