import './plain-text.css'

/**
 * Text written by people (a report, a message) as it was typed: line breaks kept, and
 * never read as HTML; React puts it in the page as text.
 */
export function PlainText({ text, className = '' }: { text: string; className?: string }) {
  return <p className={`plain-text ${className}`}>{text}</p>
}
