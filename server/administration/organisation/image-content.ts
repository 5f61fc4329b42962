/**
 * Is this upload really a PNG, JPEG or WebP image? Decided by the first bytes, never by a name
 * or a declared type: SVG (which can carry script) and anything else is refused.
 */

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp'

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const JPEG = Buffer.from([0xff, 0xd8, 0xff])

/** The image type the bytes start as, or null. */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 16 && bytes.subarray(0, 8).equals(PNG)) return 'image/png'
  if (bytes.length >= 16 && bytes.subarray(0, 3).equals(JPEG)) return 'image/jpeg'
  if (bytes.length >= 16 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp'
  return null
}
