import { AsyncLocalStorage } from 'node:async_hooks'
import { constants as zlibConstants, inflateSync } from 'node:zlib'
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFObjectStreamParser,
  type PDFObject,
  type PDFRawStream,
  PDFStream,
  PDFXRefStreamParser,
} from 'pdf-lib'

/**
 * Is this upload really a PDF, and a harmless one? A file named `.pdf` may be HTML, SVG or an
 * image that a browser would render (stored XSS through a download), or a PDF that runs code in
 * the reader of the client or care worker who opens it. So the bytes must start and end as a
 * PDF, the whole document must parse (pdf-lib, every object, object streams included), it must
 * have pages, and no object may carry active content: JavaScript, additional or launch actions,
 * embedded files, rich media, XFA forms. Why pdf-lib and what is left out:
 * docs/decisions/pdf-checks.md.
 */

export const PDF_MAX_BYTES = 20 * 1024 * 1024

export type PdfProblem =
  | 'empty'
  | 'too_large'
  | 'no_pdf_header'
  | 'no_pdf_trailer'
  | 'markup'
  | 'malformed'
  | 'encrypted'
  | 'no_pages'
  | 'too_complex'
  | 'javascript'
  | 'launch_action'
  | 'embedded_file'
  | 'active_content'

/** The PDF header, `%PDF-1.0` … `%PDF-2.0`, at the very first byte: no leading junk tolerated. */
const HEADER = /^%PDF-[12]\.\d/
/** What browsers sniff for HTML or SVG; none belongs in a PDF's first kilobytes. */
const MARKUP = /<(!doctype|html|head|body|script|svg|iframe|\?xml)[\s/>]/i
/**
 * HTML anywhere in the file. Not `<?xml` or `<svg`: XMP metadata (uncompressed, in many scanned
 * PDFs) may start with an XML declaration. These tags are long enough that compressed binary
 * data does not produce them by chance (about once in 10^6 files of 20 MB).
 */
const HTML_ANYWHERE = /<(!doctype\s+html|html|body|script|iframe)[\s/>]/i
/**
 * Active-content names, looked for in the raw bytes too, in case an object the parser skipped as
 * junk would be found by a more forgiving reader. Only names long enough not to occur by chance
 * in binary stream data (`/JS` and `/AA` would: they are checked in the parsed objects).
 */
const ACTIVE_NAME_RAW = /\/(JavaScript|Launch|EmbeddedFiles?|RichMedia\w*)[\s/<>[\]()%]/
/** Readers look for `%%EOF` in the last 1024 bytes; so do we, and for `startxref` before it. */
const TRAILER_WINDOW = 1024
const SNIFF_WINDOW = 1024
/**
 * Object and cross-reference streams are the only streams pdf-lib inflates while parsing. A
 * deflate bomb (1 KiB → 1 MiB) would otherwise take gigabytes; a real document needs a few MiB.
 */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024

/** Dictionary keys that only exist to run, launch or carry something. */
const ACTIVE_KEYS = new Map<string, PdfProblem>(Object.entries({
  JS: 'javascript',
  JavaScript: 'javascript',
  AA: 'active_content', // additional actions: run on open, close, page view, field focus …
  EmbeddedFiles: 'embedded_file',
  EmbeddedFile: 'embedded_file',
  EF: 'embedded_file',
  RichMedia: 'active_content',
  RichMediaContent: 'active_content',
  RichMediaSettings: 'active_content',
  XFA: 'active_content', // XML forms, scriptable
} satisfies Record<string, PdfProblem>))
/** Action types (`/S`) that run code, start programs, open or send files. Links (/URI) and jumps (/GoTo) stay. */
const ACTIVE_ACTIONS = new Map<string, PdfProblem>(Object.entries({
  JavaScript: 'javascript',
  Launch: 'launch_action',
  ImportData: 'active_content',
  SubmitForm: 'active_content',
  GoToE: 'embedded_file',
  GoToR: 'launch_action',
  RichMediaExecute: 'active_content',
  Rendition: 'active_content',
  Sound: 'active_content',
  Movie: 'active_content',
} satisfies Record<string, PdfProblem>))
/** Annotation and object (sub)types that embed files or media. Maps, so that a key named `constructor` is only a key. */
const ACTIVE_SUBTYPES = new Map<string, PdfProblem>(Object.entries({
  EmbeddedFile: 'embedded_file',
  FileAttachment: 'embedded_file',
  RichMedia: 'active_content',
  Screen: 'active_content',
  Movie: 'active_content',
  Sound: 'active_content',
  '3D': 'active_content',
} satisfies Record<string, PdfProblem>))

/**
 * The room left for inflating object and cross-reference streams, per check. pdf-lib decodes
 * those streams inside its parser, out of our reach; its static `forStream` factories are the
 * one place every such stream passes, so they are wrapped once, here. Outside a check (pdf-lib
 * used for anything else) the store is empty and nothing changes.
 */
const inflateBudget = new AsyncLocalStorage<InflateBudget>()

interface InflateBudget {
  remaining: number
  /** Set when the guard refused: pdf-lib catches what its parser throws and reports its own error. */
  refused?: PdfProblem
}

function guardInflate(stream: PDFRawStream): void {
  const budget = inflateBudget.getStore()
  if (!budget) return
  const problem = inflateProblem(stream, budget)
  if (problem) {
    budget.refused ??= problem
    throw new Error(`pdf check: ${problem}`)
  }
}

function inflateProblem(stream: PDFRawStream, budget: InflateBudget): PdfProblem | null {
  const filter = stream.dict.lookup(PDFName.of('Filter'))
  const filters = filter === undefined ? [] : filter instanceof PDFArray ? filter.asArray() : [filter]
  // Only deflate (or nothing) is measured in advance; other filters on these streams are legal but
  // unseen in practice, and not worth the risk.
  if (filters.length > 1 || filters.some((f) => f !== PDFName.of('FlateDecode'))) return 'malformed'
  let size = stream.contents.length
  if (filters.length === 1) {
    try {
      size = inflateSync(stream.contents, { maxOutputLength: Math.max(1, budget.remaining + 1), finishFlush: zlibConstants.Z_SYNC_FLUSH }).length
    } catch (error) {
      return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_complex' : 'malformed'
    }
  }
  budget.remaining -= size
  return budget.remaining < 0 ? 'too_complex' : null
}

function wrapFactory<T extends { forStream: (stream: PDFRawStream, ...rest: never[]) => unknown }>(parser: T): void {
  const original = parser.forStream.bind(parser) as (...args: unknown[]) => unknown
  parser.forStream = ((stream: PDFRawStream, ...rest: unknown[]) => {
    guardInflate(stream)
    return original(stream, ...rest)
  }) as T['forStream']
}
wrapFactory(PDFObjectStreamParser)
wrapFactory(PDFXRefStreamParser)

/** The reason the bytes are not an acceptable PDF, or null when they are. */
export async function pdfProblem(bytes: Uint8Array): Promise<PdfProblem | null> {
  if (bytes.length === 0) return 'empty'
  if (bytes.length > PDF_MAX_BYTES) return 'too_large'
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (!HEADER.test(buffer.subarray(0, 8).toString('latin1'))) return 'no_pdf_header'
  const tail = buffer.subarray(-TRAILER_WINDOW).toString('latin1')
  if (!tail.includes('%%EOF')) return 'no_pdf_trailer'
  if (MARKUP.test(buffer.subarray(0, SNIFF_WINDOW).toString('latin1'))) return 'markup'
  if (!startxrefPointsAtXref(buffer, tail)) return 'malformed'
  const text = buffer.toString('latin1')
  if (HTML_ANYWHERE.test(text)) return 'markup'
  const rawName = ACTIVE_NAME_RAW.exec(text)
  if (rawName) return rawName[1] === 'JavaScript' ? 'javascript' : rawName[1] === 'Launch' ? 'launch_action' : rawName[1]!.startsWith('Embedded') ? 'embedded_file' : 'active_content'

  let document: PDFDocument
  const budget: InflateBudget = { remaining: MAX_INFLATED_BYTES }
  try {
    // Encrypted files are loaded to be recognised, then refused: their strings and object streams
    // cannot be read, so nothing could be said about what they hold.
    document = await inflateBudget.run(budget, () =>
      PDFDocument.load(buffer, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false }))
  } catch {
    return budget.refused ?? 'malformed'
  }
  if (budget.refused) return budget.refused
  if (document.isEncrypted) return 'encrypted'
  try {
    // The page tree itself, not its /Count: every page must be reachable.
    if (document.getPages().length === 0) return 'no_pages'
  } catch {
    return 'malformed'
  }
  return activeContent(document)
}

/**
 * `startxref` gives the offset of the cross-reference table or stream: a truncated file, or one
 * whose objects were padded or replaced after it was written, no longer has one there. Readers
 * then rebuild the document from whatever they find, which is exactly the room a polyglot needs.
 */
function startxrefPointsAtXref(buffer: Buffer, tail: string): boolean {
  // Some writers pad the end with NUL bytes, and some offsets land on the line break before.
  const match = /startxref\s+(\d{1,10})\s+%%EOF[\s\0]*$/.exec(tail)
  if (!match) return false
  const offset = Number(match[1])
  if (offset >= buffer.length) return false
  const at = buffer.subarray(offset, offset + 1024).toString('latin1')
  // A table, with the trailer after it; or a cross-reference stream, not just any object (a file
  // cut short and given a new `startxref` would otherwise be rebuilt from its objects).
  if (/^\s*xref\s/.test(at)) return buffer.indexOf('trailer', offset, 'latin1') !== -1
  return /^\s*\d+\s+\d+\s+obj\s*<<(?:(?!stream)[^])*\/Type\s*\/XRef\b/.test(at)
}

/** Every object of the document (reachable or not) and the trailer, looked through for active content. */
function activeContent(document: PDFDocument): PdfProblem | null {
  const context = document.context
  const pending: PDFObject[] = context.enumerateIndirectObjects().map(([, object]) => object)
  for (const value of Object.values(context.trailerInfo)) if (value) pending.push(value as PDFObject)
  // A stack, not recursion: deeply nested arrays must not overflow the call stack.
  for (let object = pending.pop(); object !== undefined; object = pending.pop()) {
    if (object instanceof PDFStream) {
      pending.push(object.dict)
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray())
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        const name = key.decodeText()
        const problem = ACTIVE_KEYS.get(name)
          ?? (name === 'S' && value instanceof PDFName ? ACTIVE_ACTIONS.get(value.decodeText()) : undefined)
          ?? ((name === 'Subtype' || name === 'Type') && value instanceof PDFName ? ACTIVE_SUBTYPES.get(value.decodeText()) : undefined)
        if (problem) return problem
        pending.push(value)
      }
    }
  }
  return null
}
