import type { AccessLogEntry } from '../../../shared/schemas/admin-access-log.ts'

/** The export's columns, in order, with their Dutch headings. */
export const CSV_COLUMNS: [keyof AccessLogEntry, string][] = [
  ['occurredAt', 'tijdstip'],
  ['action', 'actie'],
  ['outcome', 'uitkomst'],
  ['actorType', 'soort'],
  ['actorId', 'persoon_id'],
  ['actorRole', 'rol'],
  ['actorName', 'naam'],
  ['onBehalfLinkId', 'namens_koppeling'],
  ['onBehalfOf', 'namens'],
  ['clientId', 'client_id'],
  ['clientNumber', 'clientnummer'],
  ['dataKind', 'gegevens'],
  ['recordId', 'record_id'],
  ['sourceIp', 'ip_adres'],
  ['userAgent', 'browser'],
  ['requestId', 'verzoek_id'],
]

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would take for a formula (= + - @, or a tab or
 * carriage return before one) gets a leading apostrophe: the log holds text others typed, such
 * as a browser's user agent, and opening the export must never run it (CSV injection).
 */
export function csvCell(value: string | null): string {
  let text = value ?? ''
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: (string | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}

export function csvHeader(): string {
  return csvLine(CSV_COLUMNS.map(([, heading]) => heading))
}

export function csvRow(entry: AccessLogEntry): string {
  return csvLine(CSV_COLUMNS.map(([key]) => entry[key]))
}
