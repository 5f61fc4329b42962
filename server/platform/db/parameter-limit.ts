/** PostgreSQL's limit of bind parameters in one statement (a 16-bit count in the wire protocol). */
export const MAX_PARAMETERS = 65_535

/** `items` in consecutive slices of at most `size`, in order: one multi-row statement per slice. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size))
  return chunks
}
