import type { Generated } from 'kysely'

export type LinkRelation = 'self' | 'legal_representative' | 'first_contact' | 'second_contact' | 'informal_carer'

export interface ConsentTable {
  id: Generated<string>
  client_id: string
  given_by: 'client' | 'legal_representative'
  given_by_name: string
  /** 'YYYY-MM-DD' */
  given_on: string
  scope: string
  form_pdf: Buffer | null
  recorded_by: string | null
  recorded_at: Generated<Date>
  /** A consent given digitally in the portal ("Iemand toegang geven"): its invitation. */
  invitation_id: Generated<string | null>
  withdrawn_at: Date | null
  updated_at: Generated<Date>
  version: Generated<number>
}

export interface ClientLinkTable {
  id: Generated<string>
  account_id: string
  client_id: string
  consent_id: string
  relation: LinkRelation
  may_read_reports: Generated<boolean>
  may_read_care_plan: Generated<boolean>
  may_use_appointments: Generated<boolean>
  may_use_messages: Generated<boolean>
  may_read_profile: Generated<boolean>
  may_read_subscriptions: Generated<boolean>
  activated_at: Generated<Date>
  ended_at: Date | null
  end_reason: string | null
  created_by: string | null
  created_at: Generated<Date>
  /** The link made by accepting a client's invitation, or null (made by an administrator). */
  invitation_id: Generated<string | null>
  /** 'YYYY-MM-DD': the last day the link gives access; the end-date job ends it the day after. */
  ends_on: Generated<string | null>
  /** When both sides were told the end date is a week away. */
  end_notice_sent_at: Generated<Date | null>
}
