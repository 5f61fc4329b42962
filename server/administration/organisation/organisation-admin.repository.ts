import type { Db } from '../../platform/db/database.ts'
import type { OrganisationTable } from '../../organisation/settings/organisation.table.ts'

export async function findOrganisationSettings(db: Db) {
  return db
    .selectFrom('organisation')
    .select([
      'name', 'tagline', 'primary_color', 'accent_color', 'support_text', 'password_min_length', 'password_require_composition',
      'session_idle_minutes', 'session_max_hours', 'updated_at',
    ])
    .select((eb) => eb('logo', 'is not', null).as('has_logo'))
    .executeTakeFirst()
}

interface Settings {
  name: string
  tagline: string
  primary_color: string
  accent_color: string
  support_text: string
  password_min_length: number
  password_require_composition: boolean
  session_idle_minutes: number
  session_max_hours: number
}

/** The one organisation row, made when it does not exist yet (before the demo data or set-up). */
export async function upsertOrganisationSettings(db: Db, settings: Settings, now: Date): Promise<void> {
  await db
    .insertInto('organisation')
    .values({ id: 1, ...settings, updated_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...settings, updated_at: now }))
    .execute()
}

/** Returns false when there is no organisation row to hold the logo. */
export async function storeLogo(db: Db, logo: { image: Buffer; mimeType: NonNullable<OrganisationTable['logo_mime_type']> } | null, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('organisation')
    .set({ logo: logo?.image ?? null, logo_mime_type: logo?.mimeType ?? null, updated_at: now })
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
