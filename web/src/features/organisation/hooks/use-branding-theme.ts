import { useEffect } from 'react'
import { useOrganisation } from '../api/get-organisation.ts'
import { brandingTheme } from '../utils/branding-theme.ts'

/**
 * Puts the organisation's colours on <html> as custom properties. Done through the
 * CSSOM because the CSP forbids inline style attributes and <style> blocks; until the
 * branding arrives (or if it fails) the neutral defaults in base.css apply.
 */
export function useBrandingTheme(): void {
  const { data } = useOrganisation()
  useEffect(() => {
    if (!data) return
    const root = document.documentElement.style
    const theme = brandingTheme(data)
    for (const [property, value] of Object.entries(theme)) root.setProperty(property, value)
    return () => {
      for (const property of Object.keys(theme)) root.removeProperty(property)
    }
  }, [data])
}
