import type { TermsOfUse } from '@shared/schemas/terms.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import './terms-text.css'

type Block = { heading: string | null; lines: string[] }

/**
 * The terms are plain text: blocks separated by an empty line. A block whose first line is
 * short and ends without a full stop starts with that line as its heading.
 */
function toBlocks(body: string): Block[] {
  return body
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0)
    .map((lines) => {
      const [first = '', ...rest] = lines
      const isHeading = rest.length > 0 && first.length <= 80 && !/[.:;,]$/.test(first)
      return isHeading ? { heading: first, lines: rest } : { heading: null, lines }
    })
}

/** The terms of use as readable text, with their version and (when so) the date the person accepted them. */
export function TermsText({ terms }: { terms: TermsOfUse }) {
  const t = useT()
  const [language] = useLanguage()
  const date = (iso: string) => new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' }).format(new Date(iso))
  return (
    <div className="terms-text">
      <p className="terms-text__meta">{t('terms.version', { version: String(terms.version), date: date(terms.publishedAt) })}</p>
      {terms.acceptedAt ? <p className="terms-text__meta">{t('terms.acceptedOn', { date: date(terms.acceptedAt) })}</p> : null}
      {/* The text is the organisation's, in Dutch; it is not translated. */}
      <div lang="nl">
        {toBlocks(terms.body).map((block, index) => (
          <section key={index} className="terms-text__block">
            {block.heading ? <h2>{block.heading}</h2> : null}
            {block.lines.map((line, lineIndex) => (
              <p key={lineIndex}>{line}</p>
            ))}
          </section>
        ))}
      </div>
    </div>
  )
}
