import { describe, expect, it } from 'vitest'
import { type CorrectionRefusal, correctionWindowEnd, mayCorrectReport, type ReportFacts, reportCorrectionRefusal } from './report.policy.ts'

const me = { staffMemberId: 'me' }
const written = new Date('2026-11-25T12:00:00.000Z')
const mine: ReportFacts = { author_staff_id: 'me', created_at: written }
const at = (iso: string) => new Date(iso)

describe('the report correction rule', () => {
  it('the window ends 24 hours after writing', () => {
    expect(correctionWindowEnd(mine).toISOString()).toBe('2026-11-26T12:00:00.000Z')
  })

  it.each<[string, ReportFacts, Date, CorrectionRefusal | null]>([
    ['own, just written', mine, at('2026-11-25T12:00:00.000Z'), null],
    ['own, an hour before the window ends', mine, at('2026-11-26T11:00:00.000Z'), null],
    ['own, at the last moment of the window', mine, at('2026-11-26T12:00:00.000Z'), null],
    ['own, a millisecond too late', mine, at('2026-11-26T12:00:00.001Z'), 'report_correction_closed'],
    ['a colleague’s, within the window', { author_staff_id: 'colleague', created_at: written }, at('2026-11-25T13:00:00.000Z'), 'report_not_own'],
    ['from the ECD (no author), within the window', { author_staff_id: null, created_at: written }, at('2026-11-25T13:00:00.000Z'), 'report_not_own'],
    ['a colleague’s, too late: not own comes first', { author_staff_id: 'colleague', created_at: written }, at('2026-11-27T12:00:00.000Z'), 'report_not_own'],
  ])('%s → %s', (_case, report, now, refusal) => {
    expect(reportCorrectionRefusal(me, report, now)).toBe(refusal)
    // The flag the workspace shows ("correctable until") and the service's check are one rule.
    expect(mayCorrectReport(me, report, now)).toBe(refusal === null)
  })
})
