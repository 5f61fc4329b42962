import PDFDocument from 'pdfkit'

export type PdfDocument = PDFKit.PDFDocument

/**
 * Builds a PDF in memory with pdfkit's built-in Helvetica (no font files to ship; its
 * WinAnsi encoding covers Dutch: ë, é, ï). `draw` writes the pages.
 */
export function renderPdf(info: { title: string; author: string }, draw: (doc: PdfDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: info.title, Author: info.author }, lang: 'nl-NL', displayTitle: true })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    try {
      draw(doc)
      doc.end()
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)))
    }
  })
}
