import { Type, type Static } from 'typebox'

/** The organisation's public branding, shown on every page including the login page. */
export const Branding = Type.Object({
  name: Type.String(),
  tagline: Type.String(),
  primaryColor: Type.String({ pattern: '^#[0-9a-f]{6}$' }),
  accentColor: Type.String({ pattern: '^#[0-9a-f]{6}$' }),
  supportText: Type.String(),
  /** Path of the logo image, or null when the organisation has none. */
  logoUrl: Type.Union([Type.String(), Type.Null()]),
})
export type Branding = Static<typeof Branding>
