/**
 * The only LIKE escaper of the server: text a person typed, matched literally. PostgreSQL's
 * LIKE and ILIKE take backslash as their escape character by default, so %, _ and \ get one in
 * front and match themselves instead of "anything", "any one character" or an escape.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&')
}

/** A literal ILIKE pattern for "contains": %, _ and \ typed by the person match themselves. */
export function containsPattern(term: string): string {
  return `%${escapeLike(term)}%`
}

/** A literal ILIKE pattern for "starts with" (a client number typed from its start). */
export function startsWithPattern(term: string): string {
  return `${escapeLike(term)}%`
}
