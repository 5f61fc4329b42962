import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { pdfProblem } from './pdf-content.ts'
import { htmlPaddedPdf, javascriptPdf, ONE_PAGE, pdfOfObjects, streamObject } from './pdf.test-support.ts'
import { renderPdf } from './render-pdf.ts'

/** Issue 9, item 8: the whole file is parsed, and active content is refused. */

const [CATALOG, PAGES, PAGE] = ONE_PAGE
/** A one-page PDF whose object 4 is `extra`, referred to from the catalog under `key`. */
const withCatalogEntry = (key: string, extra: string | Buffer) =>
  pdfOfObjects([`<< /Type /Catalog /Pages 2 0 R /${key} 4 0 R >>`, PAGES, PAGE, extra])
/** A one-page PDF whose page carries object 4 as its only annotation. */
const withAnnotation = (annotation: string) =>
  pdfOfObjects([CATALOG, PAGES, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Annots [4 0 R] >>', annotation])

async function pdfLibDocument(change: (document: PDFDocument) => void | Promise<void>, useObjectStreams = true): Promise<Buffer> {
  const document = await PDFDocument.create()
  document.addPage()
  await change(document)
  return Buffer.from(await document.save({ useObjectStreams }))
}

describe('legitimate PDFs are accepted', () => {
  it('a pdfkit PDF (as the portal prints them), a pdf-lib PDF with object streams, and the smallest one-page PDF', async () => {
    const printed = await renderPdf({ title: 'Cliëntplan', author: 'Zorg' }, (doc) => {
      doc.text('Cliëntplan van mevrouw Jansen: doelen, afspraken en handtekeningen.')
      doc.addPage().text('Tweede pagina, met een link naar de organisatie.', { link: 'https://example.org/' })
    })
    expect(await pdfProblem(printed)).toBeNull()
    expect(await pdfProblem(await pdfLibDocument(() => {}))).toBeNull()
    expect(await pdfProblem(pdfOfObjects(ONE_PAGE))).toBeNull()
  })

  it('a scanned form: a page with a large deflated image, which is not inflated to be checked', async () => {
    const pixels = Buffer.alloc(1200 * 1700, 0xf0)
    const image = streamObject('/Type /XObject /Subtype /Image /Width 1200 /Height 1700 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', deflateSync(pixels))
    const content = streamObject('', Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q', 'latin1'))
    const scanned = pdfOfObjects([CATALOG, PAGES, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>', image, content])
    expect(await pdfProblem(scanned)).toBeNull()
  })
})

describe('malformed files are refused', () => {
  it('the HTML page padded behind a PDF header (accepted before: only the first KiB was read)', async () => {
    expect(await pdfProblem(htmlPaddedPdf())).not.toBeNull()
  })

  it('HTML inside an otherwise well-formed PDF', async () => {
    const polyglot = pdfOfObjects([CATALOG, PAGES, PAGE, '(<html><body><script>alert(1)</script></body></html>)'])
    expect(await pdfProblem(polyglot)).toBe('markup')
  })

  it('a truncated PDF, with or without an end marker put back', async () => {
    const whole = await renderPdf({ title: 'Afdruk', author: 'Zorg' }, (doc) => { doc.text('Een pagina die halverwege wordt afgebroken.') })
    const half = whole.subarray(0, Math.floor(whole.length / 2))
    expect(await pdfProblem(half)).toBe('no_pdf_trailer')
    expect(await pdfProblem(Buffer.concat([half, Buffer.from('\n%%EOF\n')]))).toBe('malformed')
    // Cut anywhere, even after the last object, and given a `startxref` that points at an object:
    // still refused, not rebuilt from the objects that are left.
    const objectStarts = [...whole.toString('latin1').matchAll(/\n\d+ 0 obj/g)].map((match) => match.index + 1)
    for (let cut = 100; cut < whole.length - 30; cut += 37) {
      const offset = objectStarts.filter((start) => start < cut).at(-1) ?? 9
      const patched = Buffer.concat([whole.subarray(0, cut), Buffer.from(`\nstartxref\n${offset}\n%%EOF\n`)])
      expect(await pdfProblem(patched), `cut at ${cut}`).toBe('malformed')
    }
  })

  it('objects that do not parse, no pages, and an encrypted file', async () => {
    expect(await pdfProblem(pdfOfObjects([CATALOG, PAGES, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842'])) ).toBe('malformed')
    expect(await pdfProblem(pdfOfObjects([CATALOG, '<< /Type /Pages /Kids [] /Count 0 >>']))).toBe('no_pages')
    expect(await pdfProblem(pdfOfObjects([...ONE_PAGE, '<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>'], undefined, '/Encrypt 4 0 R /ID [<01> <01>]'))).toBe('encrypted')
  })

  it('a deflate bomb in an object stream is refused without inflating it whole', async () => {
    const bomb = deflateSync(Buffer.alloc(80 * 1024 * 1024, 0x20))
    const objectStream = streamObject('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', bomb)
    const started = Date.now()
    expect(await pdfProblem(pdfOfObjects([...ONE_PAGE, objectStream]))).toBe('too_complex')
    expect(Date.now() - started).toBeLessThan(5000)
  })
})

describe('active content is refused', () => {
  it('JavaScript run on opening, also when the names are escaped or the objects compressed', async () => {
    expect(await pdfProblem(javascriptPdf())).toBe('javascript')
    // #53 is "S" and #4A is "J": the raw bytes hold neither /JavaScript nor /JS.
    expect(await pdfProblem(withCatalogEntry('OpenAction', '<< /S /Java#53cript /#4AS (app.alert\\(1\\)) >>'))).toBe('javascript')
    const compressed = await pdfLibDocument((document) => {
      const action = document.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') })
      document.catalog.set(PDFName.of('OpenAction'), document.context.register(action))
    })
    expect(compressed.includes('JavaScript')).toBe(false)
    expect(await pdfProblem(compressed)).toBe('javascript')
  })

  it('a JavaScript name tree, additional actions on a page, a launch action and a form that submits itself', async () => {
    expect(await pdfProblem(withCatalogEntry('Names', '<< /JavaScript << /Names [(a) << /S /JavaScript /JS (1) >>] >> >>'))).toBe('javascript')
    expect(await pdfProblem(pdfOfObjects([CATALOG, PAGES, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /AA << /O 4 0 R >> >>', '<< /S /GoTo /D [3 0 R /Fit] >>']))).toBe('active_content')
    expect(await pdfProblem(withCatalogEntry('OpenAction', '<< /S /Launch /F (cmd.exe) >>'))).toBe('launch_action')
    expect(await pdfProblem(withAnnotation('<< /Type /Annot /Subtype /Widget /Rect [0 0 10 10] /A << /S /SubmitForm /F (https://example.org/) >> >>'))).toBe('active_content')
    expect(await pdfProblem(withCatalogEntry('AcroForm', '<< /Fields [] /XFA 4 0 R >>'))).toBe('active_content')
  })

  it('embedded files: attached to the document, or as a file-attachment annotation', async () => {
    const attached = await pdfLibDocument((document) => document.attach(Buffer.from('MZ'), 'factuur.exe', { mimeType: 'application/octet-stream' }))
    expect(await pdfProblem(attached)).toBe('embedded_file')
    expect(await pdfProblem(withAnnotation('<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] /FS (factuur.exe) >>'))).toBe('embedded_file')
  })

  it('keeps ordinary links and jumps: an /OpenAction that goes to the first page is fine', async () => {
    expect(await pdfProblem(pdfOfObjects([`<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>`, PAGES, PAGE]))).toBeNull()
    expect(await pdfProblem(withAnnotation('<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (https://example.org/) >> >>'))).toBeNull()
  })
})
