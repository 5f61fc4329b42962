import { REPORT_CORRECTION_HOURS } from '../../../shared/schemas/workspace-record.ts'

const HOUR = 3600_000

/** What the correction rule needs of a report. */
export interface ReportFacts {
  author_staff_id: string | null
  created_at: Date
}

/** Why a correction is refused, as the error codes the workspace shows; null: it may. */
export type CorrectionRefusal = 'report_not_own' | 'report_correction_closed'

/** The end of a report's correction window: REPORT_CORRECTION_HOURS after it was written. */
export function correctionWindowEnd(report: Pick<ReportFacts, 'created_at'>): Date {
  return new Date(report.created_at.getTime() + REPORT_CORRECTION_HOURS * HOUR)
}

/** Whether `staff` may correct the report at `now`, and if not, why: only their own, within the window. */
export function reportCorrectionRefusal(staff: { staffMemberId: string }, report: ReportFacts, now: Date): CorrectionRefusal | null {
  if (report.author_staff_id !== staff.staffMemberId) return 'report_not_own'
  if (now.getTime() > correctionWindowEnd(report).getTime()) return 'report_correction_closed'
  return null
}

/** The correction rule: the service's check and the "correctable until" the workspace shows. */
export function mayCorrectReport(staff: { staffMemberId: string }, report: ReportFacts, now: Date): boolean {
  return reportCorrectionRefusal(staff, report, now) === null
}
