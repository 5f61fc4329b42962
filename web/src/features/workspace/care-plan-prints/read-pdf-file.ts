import { PRINT_UPLOAD_MAX_BYTES } from '@shared/schemas/workspace-record.ts'

export type PdfFileProblem = 'notPdf' | 'tooLarge' | 'empty' | 'unreadable'

/**
 * A chosen file as base64, or why it cannot go: not named or typed as a PDF, not starting as
 * a PDF does ("%PDF-": a web page renamed to .pdf), empty, or above the limit. This check is
 * for a quick answer at the right field only; the server checks the content again, fully.
 */
export async function readPdfFile(file: File): Promise<{ base64: string } | { problem: PdfFileProblem }> {
  const looksLikePdf = file.type === 'application/pdf' || (file.type === '' && file.name.toLowerCase().endsWith('.pdf'))
  if (!looksLikePdf) return { problem: 'notPdf' }
  if (file.size === 0) return { problem: 'empty' }
  if (file.size > PRINT_UPLOAD_MAX_BYTES) return { problem: 'tooLarge' }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer())
    if (String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-') return { problem: 'notPdf' }
    return { base64: toBase64(bytes) }
  } catch {
    return { problem: 'unreadable' }
  }
}

/** Base64 in slices: String.fromCharCode with millions of arguments would overflow the stack. */
function toBase64(bytes: Uint8Array): string {
  let binary = ''
  const slice = 0x8000
  for (let i = 0; i < bytes.length; i += slice) binary += String.fromCharCode(...bytes.subarray(i, i + slice))
  return btoa(binary)
}
