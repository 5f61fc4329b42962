import PDFDocument from 'pdfkit'

export type PdfDocument = PDFKit.PDFDocument

/**
 * Builds a PDF in memory with pdfkit's built-in Helvetica (no font files to ship; its
 * WinAnsi encoding covers Dutch: ë, é, ï). `draw` writes the pages; a long document should
 * `await yieldToEventLoop()` now and then, since pdfkit's layout is synchronous work.
 */
export function renderPdf(info: { title: string; author: string }, draw: (doc: PdfDocument) => void | Promise<void>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: info.title, Author: info.author }, lang: 'nl-NL', displayTitle: true })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    Promise.resolve()
      .then(() => draw(doc))
      .then(() => doc.end())
      .catch((error: unknown) => reject(error instanceof Error ? error : new Error(String(error))))
  })
}

/** Lets other requests run between chunks of a long PDF. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
