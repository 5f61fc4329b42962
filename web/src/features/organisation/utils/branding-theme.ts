import type { Branding } from '@shared/schemas/organisation.ts'
import { readableOn, textColorOn } from '@shared/contrast.ts'

/** The page background that brand-coloured text must stay readable on (see base.css). */
const PAGE_BACKGROUND = '#f4f4f1'

/**
 * The CSS custom properties that theme the app, derived from the organisation's two
 * colours. Every colour used behind text comes with a text colour chosen for contrast.
 */
export function brandingTheme(branding: Pick<Branding, 'primaryColor' | 'accentColor'>): Record<string, string> {
  return {
    '--portal-primary': branding.primaryColor,
    '--portal-on-primary': textColorOn(branding.primaryColor),
    '--portal-primary-text': readableOn(branding.primaryColor, PAGE_BACKGROUND),
    '--portal-accent': branding.accentColor,
    '--portal-on-accent': textColorOn(branding.accentColor),
  }
}
