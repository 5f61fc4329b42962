/**
 * Colour contrast after WCAG 2.x, so colours an organisation picks never make text
 * unreadable: https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */

export const NEAR_BLACK = '#1a1a1a'
export const WHITE = '#ffffff'

type Rgb = [number, number, number]

function parseHex(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`)
  return [parseInt(match[1] ?? '0', 16), parseInt(match[2] ?? '0', 16), parseInt(match[3] ?? '0', 16)]
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`
}

function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as Rgb
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** White or near-black, whichever reads better on the given background. */
export function textColorOn(background: string): string {
  return contrastRatio(WHITE, background) >= contrastRatio(NEAR_BLACK, background) ? WHITE : NEAR_BLACK
}

/**
 * The colour itself if it has at least `minimum` contrast on `background`, otherwise the
 * same hue darkened step by step until it does (used for brand-coloured text and links).
 */
export function readableOn(color: string, background: string, minimum = 4.5): string {
  const rgb = parseHex(color)
  for (let factor = 1; factor > 0; factor -= 0.05) {
    const candidate = toHex(rgb.map((c) => c * factor) as Rgb)
    if (contrastRatio(candidate, background) >= minimum) return candidate
  }
  return NEAR_BLACK
}

/** WCAG 2.x level AA for normal text. */
export const AA_TEXT_CONTRAST = 4.5

/**
 * The rule for the organisation's colours, on the server (refusal) and in the web app (live
 * feedback): the better of white and near-black text must reach AA on the colour, since the
 * app puts text in exactly that colour on it (see web/src/features/organisation/utils/branding-theme.ts).
 */
export function hasReadableText(background: string, minimum = AA_TEXT_CONTRAST): boolean {
  return contrastRatio(textColorOn(background), background) >= minimum
}
