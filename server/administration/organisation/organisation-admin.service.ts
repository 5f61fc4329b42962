import { hasReadableText } from '../../../shared/contrast.ts'
import { LOGO_MAX_BYTES, type OrganisationSettings, type OrganisationSettingsRequest } from '../../../shared/schemas/admin-organisation.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import { recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import { administratorActor, type StaffActor } from '../../identity/staff-access/staff-access.policy.ts'
import { sniffImageType } from './image-content.ts'
import { findOrganisationSettings, storeLogo, upsertOrganisationSettings } from './organisation-admin.repository.ts'
import { getBranding } from '../../organisation/settings/organisation.service.ts'

/** The organisation's settings as an administrator edits them; the secure defaults before set-up. */
export async function getOrganisationSettings(db: Db): Promise<OrganisationSettings> {
  const row = await findOrganisationSettings(db)
  const branding = await getBranding(db)
  return {
    name: branding.name,
    tagline: branding.tagline,
    primaryColor: branding.primaryColor,
    accentColor: branding.accentColor,
    supportText: branding.supportText,
    logoUrl: branding.logoUrl,
    passwordMinLength: row?.password_min_length ?? 12,
    passwordRequireComposition: row?.password_require_composition ?? false,
    sessionIdleMinutes: row?.session_idle_minutes ?? 15,
    sessionMaxHours: row?.session_max_hours ?? 12,
  }
}

/**
 * Replaces the settings. Colours are refused when neither white nor near-black text reaches
 * WCAG AA on them — the same rule the web app uses (shared/contrast.ts).
 */
export async function updateOrganisationSettings(db: Db, admin: StaffActor, input: OrganisationSettingsRequest, source: RequestSource, now: Date): Promise<OrganisationSettings> {
  const primary = input.primaryColor.toLowerCase()
  const accent = input.accentColor.toLowerCase()
  const unreadable = [['primaryColor', primary], ['accentColor', accent]].filter(([, colour]) => !hasReadableText(colour ?? ''))
  if (unreadable.length > 0) throw new AppError('contrast_too_low', unreadable.map(([field]) => field).join(','))
  if (input.sessionIdleMinutes > input.sessionMaxHours * 60) throw new AppError('validation_failed', 'idle timeout longer than the session lifetime')
  await db.transaction().execute(async (trx) => {
    await upsertOrganisationSettings(
      trx,
      {
        name: input.name.trim(),
        tagline: input.tagline.trim(),
        primary_color: primary,
        accent_color: accent,
        support_text: input.supportText.trim(),
        password_min_length: input.passwordMinLength,
        password_require_composition: input.passwordRequireComposition,
        session_idle_minutes: input.sessionIdleMinutes,
        session_max_hours: input.sessionMaxHours,
      },
      now,
    )
    await recordAccess(trx, administratorActor(admin), source, { action: 'update', outcome: 'success', clientId: null, dataKind: 'organisation' }, now)
  })
  return getOrganisationSettings(db)
}

/** A new logo, checked by its content (PNG, JPEG or WebP; SVG and the rest refused) and size. */
export async function replaceLogo(db: Db, admin: StaffActor, imageBase64: string | null, source: RequestSource, now: Date): Promise<OrganisationSettings> {
  let logo: { image: Buffer; mimeType: 'image/png' | 'image/jpeg' | 'image/webp' } | null = null
  if (imageBase64 !== null) {
    const image = Buffer.from(imageBase64, 'base64')
    if (image.length > LOGO_MAX_BYTES) throw new AppError('payload_too_large', 'logo')
    const mimeType = sniffImageType(image)
    if (!mimeType) throw new AppError('not_an_image', 'logo')
    logo = { image, mimeType }
  }
  await db.transaction().execute(async (trx) => {
    if (!(await storeLogo(trx, logo, now))) throw notFound('organisation')
    await recordAccess(trx, administratorActor(admin), source, { action: logo ? 'update' : 'delete', outcome: 'success', clientId: null, dataKind: 'organisation_logo' }, now)
  })
  return getOrganisationSettings(db)
}
