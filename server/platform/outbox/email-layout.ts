import type { Branding } from '../../../shared/schemas/organisation.ts'

export interface EmailContent {
  /** "Beste mevrouw Jansen," */
  greeting: string
  paragraphs: string[]
  /** One clear button, with the link also written out for clients that hide buttons. */
  action?: { label: string; url: string }
  /** Defaults to "Met vriendelijke groet,". The organisation's name follows it. */
  closing?: string
}

const FALLBACK_COLOR = '#1f4e79'

/**
 * The portal's e-mail: Dutch, plain, in the organisation's name and primary colour. The HTML is
 * a single column with inline styles (mail clients ignore style sheets), lang="nl", a real link
 * and no images, so it reads well in a screen reader and with images blocked. Every value is
 * HTML-escaped; the colour is used only when it is a plain hex colour.
 */
export function renderEmail(branding: Branding, content: EmailContent): { text: string; html: string } {
  if (content.action && !/^https?:\/\//i.test(content.action.url)) {
    throw new Error('renderEmail: the action link must be an http(s) URL')
  }
  const closing = content.closing ?? 'Met vriendelijke groet,'
  return { text: renderText(branding, content, closing), html: renderHtml(branding, content, closing) }
}

function renderText(branding: Branding, content: EmailContent, closing: string): string {
  const blocks = [content.greeting, ...content.paragraphs]
  if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`)
  blocks.push(`${closing}\n${branding.name}`)
  if (branding.supportText.trim()) blocks.push(branding.supportText.trim())
  blocks.push(`Dit is een automatisch bericht van ${branding.name}. U kunt niet op deze e-mail antwoorden.`)
  return `${blocks.join('\n\n')}\n`
}

function renderHtml(branding: Branding, content: EmailContent, closing: string): string {
  const primary = /^#[0-9a-f]{6}$/i.test(branding.primaryColor) ? branding.primaryColor.toLowerCase() : FALLBACK_COLOR
  const onPrimary = readableTextOn(primary)
  const name = escapeHtml(branding.name)
  const paragraph = (text: string) => `<p style="margin:0 0 16px 0;">${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`

  const action = content.action
    ? `<p style="margin:24px 0;"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 20px;background-color:${primary};color:${onPrimary};text-decoration:underline;font-weight:bold;border-radius:4px;">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 16px 0;font-size:14px;">Werkt de knop niet? Kopieer dan deze link naar uw browser:<br><a href="${escapeHtml(content.action.url)}" style="color:${primaryAsText(primary)};word-break:break-all;">${escapeHtml(content.action.url)}</a></p>`
    : ''
  const support = branding.supportText.trim() ? paragraph(branding.supportText.trim()) : ''

  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${name}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f4f4;">
<div role="article" aria-label="${name}" lang="nl" style="max-width:600px;margin:0 auto;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;">
<div style="background-color:${primary};color:${onPrimary};padding:16px 24px;font-size:20px;font-weight:bold;">${name}</div>
<div style="padding:24px;">
${paragraph(content.greeting)}
${content.paragraphs.map(paragraph).join('\n')}
${action}
${paragraph(`${closing}\n${branding.name}`)}
</div>
<div style="padding:16px 24px;border-top:1px solid #dddddd;font-size:14px;color:#4d4d4d;">
${support}<p style="margin:0;">Dit is een automatisch bericht van ${name}. U kunt niet op deze e-mail antwoorden.</p>
</div>
</div>
</body>
</html>
`
}

/** Escapes the five characters that matter in HTML text and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Black or white, whichever contrasts more with the background (WCAG relative luminance). */
function readableTextOn(background: string): string {
  const l = luminance(background)
  return (1.05 / (l + 0.05) >= (l + 0.05) / 0.05) ? '#ffffff' : '#000000'
}

/** The primary colour as link text on white, darkened until it reaches 4.5:1. */
function primaryAsText(color: string): string {
  let [r, g, b] = channels(color)
  while (1.05 / (luminance(toHex(r, g, b)) + 0.05) < 4.5) {
    r = Math.floor(r * 0.9)
    g = Math.floor(g * 0.9)
    b = Math.floor(b * 0.9)
  }
  return toHex(r, g, b)
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]
}

function toHex(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const s = v / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
