import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib'

/**
 * The text of a PDF the portal made with pdfkit, one string per page: the page's content
 * streams are inflated with pdf-lib and the hex strings of each TJ/Tj are read as WinAnsi
 * (pdfkit's built-in Helvetica), each text operation on its own line. Enough to find fields in
 * a receipt; not a general PDF text extractor.
 */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes)
  return pdf.getPages().map((page) => {
    const contents = page.node.Contents()
    const refs: PDFObject[] = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : []
    const code = refs
      .map((ref) => (ref instanceof PDFRef ? pdf.context.lookup(ref) : ref))
      .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
      .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'))
      .join('\n')
    const lines: string[] = []
    for (const match of code.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = match[1] !== undefined ? [...match[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] ?? '') : [match[2] ?? '']
      lines.push(hexes.map((hex) => new TextDecoder('windows-1252').decode(Buffer.from(hex, 'hex'))).join(''))
    }
    return lines.join('\n')
  })
}
