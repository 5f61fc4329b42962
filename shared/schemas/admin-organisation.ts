import { Type, type Static } from 'typebox'
import { Uuid } from './common.ts'

/** Administrator routes for the organisation, news and terms of use (`/api/admin/...`). */

const Colour = Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })

/** Everything an administrator sets about the organisation; PUT replaces it whole. */
export const OrganisationSettingsRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    tagline: Type.String({ maxLength: 200 }),
    primaryColor: Colour,
    accentColor: Colour,
    supportText: Type.String({ maxLength: 2000 }),
    passwordMinLength: Type.Integer({ minimum: 8, maximum: 64 }),
    passwordRequireComposition: Type.Boolean(),
    sessionIdleMinutes: Type.Integer({ minimum: 2, maximum: 120 }),
    sessionMaxHours: Type.Integer({ minimum: 1, maximum: 24 }),
  },
  { additionalProperties: false },
)
export type OrganisationSettingsRequest = Static<typeof OrganisationSettingsRequest>

export const OrganisationSettings = Type.Object({
  ...OrganisationSettingsRequest.properties,
  logoUrl: Type.Union([Type.String(), Type.Null()]),
})
export type OrganisationSettings = Static<typeof OrganisationSettings>

export const LOGO_MAX_BYTES = 512 * 1024

export const LogoRequest = Type.Object(
  { imageBase64: Type.String({ minLength: 4, maxLength: Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 4, pattern: '^[A-Za-z0-9+/]+={0,2}$' }) },
  { additionalProperties: false },
)

export const NewsIdParams = Type.Object({ newsId: Uuid }, { additionalProperties: false })

export const NewsRequest = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 4000 }),
    publishFrom: Type.String({ format: 'date-time' }),
    publishUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false },
)
export type NewsRequest = Static<typeof NewsRequest>

export const AdminNewsItem = Type.Object({
  id: Uuid,
  title: Type.String(),
  body: Type.String(),
  publishFrom: Type.String({ format: 'date-time' }),
  publishUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** 'scheduled', 'published' or 'ended', at the moment of the answer. */
  state: Type.Union([Type.Literal('scheduled'), Type.Literal('published'), Type.Literal('ended')]),
})
export type AdminNewsItem = Static<typeof AdminNewsItem>
export const AdminNewsList = Type.Object({ items: Type.Array(AdminNewsItem) })

export const NewTermsRequest = Type.Object({ body: Type.String({ minLength: 20, maxLength: 50_000 }) }, { additionalProperties: false })

export const AdminTermsVersion = Type.Object({
  version: Type.Integer(),
  body: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
  acceptedCount: Type.Integer(),
})
export type AdminTermsVersion = Static<typeof AdminTermsVersion>
export const AdminTermsList = Type.Object({ items: Type.Array(AdminTermsVersion) })
