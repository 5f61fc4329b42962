/**
 * Text a person typed, made safe to store and show as plain text: Windows and old Mac line
 * ends become \n, control characters other than line breaks and tabs are removed (PostgreSQL
 * refuses NUL outright), and the ends are trimmed. `singleLine` also folds line breaks into spaces.
 */
export function cleanPlainText(text: string, options: { singleLine?: boolean } = {}): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const cleaned = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  return (options.singleLine ? cleaned.replace(/\s*\n\s*/g, ' ') : cleaned).trim()
}

/** Length as a person counts it: an emoji or an accented letter is one character. */
export function plainTextLength(text: string): number {
  return [...text].length
}
