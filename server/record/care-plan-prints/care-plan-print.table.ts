import type { Generated } from 'kysely'

/** A signed care-plan print and its signature sheet, as PDF bytes. */
export interface CarePlanPrintTable {
  id: Generated<string>
  ecd_id: string | null
  client_id: string
  /** 'YYYY-MM-DD': the date of the plan. */
  plan_date: string
  /** 'YYYY-MM-DD': when it was signed; null while unsigned. */
  signed_on: string | null
  print_pdf: Buffer
  print_size: number
  signature_sheet_pdf: Buffer | null
  signature_sheet_size: number | null
  uploaded_by_staff_id: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  version: Generated<number>
}
