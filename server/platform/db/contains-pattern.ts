/** A literal ILIKE pattern: %, _ and \ typed by the administrator match themselves. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, '\\$&')}%`
}
