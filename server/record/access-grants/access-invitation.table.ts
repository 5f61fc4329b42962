import type { Generated } from 'kysely'

/**
 * "Iemand toegang geven": an invitation a client (or their legal representative) sent, and with
 * it the digital consent: who gave it, when, for which sections, until when, through which way
 * in and at which assurance level. Only the SHA-256 of the single-use token is stored.
 */
export interface AccessInvitationTable {
  id: Generated<string>
  client_id: string
  granted_by_account_id: string
  granted_by_link_id: string
  granted_by_name: string
  given_by: 'client' | 'legal_representative'
  way_in: string
  assurance: 'low' | 'substantial' | 'high'
  invitee_name: string
  invitee_email: string
  invitee_mobile: string
  relation: 'first_contact' | 'second_contact' | 'informal_carer'
  may_read_reports: boolean
  may_read_care_plan: boolean
  may_use_appointments: boolean
  may_use_messages: boolean
  may_read_profile: boolean
  may_read_subscriptions: boolean
  /** 'YYYY-MM-DD' or null: the last day of access. */
  ends_on: string | null
  token_hash: Buffer
  expires_at: Date
  created_at: Date
  accepted_at: Date | null
  accepted_by_account_id: string | null
  cancelled_at: Date | null
  /**
   * With the organisation's approval rule: accepted (accepted_at set) but no link until an
   * administrator approves (the link is activated at approved_at) or refuses.
   */
  approved_at: Generated<Date | null>
  refused_at: Generated<Date | null>
  decided_by_account_id: Generated<string | null>
}
