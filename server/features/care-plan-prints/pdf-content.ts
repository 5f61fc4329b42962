/**
 * Is this upload really a PDF? A file named `.pdf` may be HTML, SVG or an image that a browser
 * would render (stored XSS through a download). We accept only bytes that start as a PDF, end
 * as one, and carry no markup a browser could sniff near the start.
 */

export const PDF_MAX_BYTES = 20 * 1024 * 1024

export type PdfProblem = 'empty' | 'too_large' | 'no_pdf_header' | 'no_pdf_trailer' | 'markup'

/** The PDF header, `%PDF-1.0` … `%PDF-2.0`, at the very first byte: no leading junk tolerated. */
const HEADER = /^%PDF-[12]\.\d/
/** What browsers sniff for HTML or SVG; none belongs in a PDF's first kilobytes. */
const MARKUP = /<(!doctype|html|head|body|script|svg|iframe|\?xml)[\s/>]/i
/** Readers look for `%%EOF` in the last 1024 bytes; so do we. */
const TRAILER_WINDOW = 1024
const SNIFF_WINDOW = 1024

/** The reason the bytes are not an acceptable PDF, or null when they are. */
export function pdfProblem(bytes: Uint8Array): PdfProblem | null {
  if (bytes.length === 0) return 'empty'
  if (bytes.length > PDF_MAX_BYTES) return 'too_large'
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (!HEADER.test(buffer.subarray(0, 8).toString('latin1'))) return 'no_pdf_header'
  if (!buffer.subarray(-TRAILER_WINDOW).toString('latin1').includes('%%EOF')) return 'no_pdf_trailer'
  if (MARKUP.test(buffer.subarray(0, SNIFF_WINDOW).toString('latin1'))) return 'markup'
  return null
}

export function isAcceptablePdf(bytes: Uint8Array): boolean {
  return pdfProblem(bytes) === null
}
