/**
 * PDFs written object by object, with a correct cross-reference table: the smallest files the
 * portal's PDF check accepts, and hostile ones that differ from them in one object only.
 */

/** Catalog, page tree and one empty A4 page: objects 1–3. */
export const ONE_PAGE = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>',
] as const

/** Objects 1…n (strings or raw bytes, such as a stream with binary data) as a whole PDF; `trailerEntries` are added to the trailer. */
export function pdfOfObjects(objects: readonly (string | Buffer)[], comment?: string, trailerEntries = ''): Buffer {
  const parts: Buffer[] = [Buffer.from(`%PDF-1.7\n${comment === undefined ? '' : `% ${comment}\n`}`, 'latin1')]
  let length = parts[0]!.length
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(length)
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof object === 'string' ? Buffer.from(object, 'latin1') : object, Buffer.from('\nendobj\n', 'latin1')])
    parts.push(part)
    length += part.length
  })
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerEntries ? ` ${trailerEntries}` : ''} >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'))
  return Buffer.concat(parts)
}

/** A stream object: its dictionary entries and its bytes. */
export function streamObject(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')])
}

/** The issue's file: a PDF header, padding past the first KiB, an HTML page with a script, `%%EOF`. */
export function htmlPaddedPdf(): Buffer {
  return Buffer.from(`%PDF-1.4\n${' '.repeat(2048)}\n<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n`, 'latin1')
}

/** A well-formed one-page PDF that runs JavaScript when opened (/OpenAction). */
export function javascriptPdf(): Buffer {
  return pdfOfObjects(['<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>', ONE_PAGE[1], ONE_PAGE[2], '<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>'])
}
