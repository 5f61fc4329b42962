import type { AccessLogTable } from '../access-log/access-log.table.ts'
import type { AccessInvitationTable } from '../../record/access-grants/access-invitation.table.ts'
import type { AccountTable, SessionTable } from '../../identity/accounts/account.table.ts'
import type { LoginAttemptTable, PasswordTokenTable, RateLimitTable } from '../../identity/authentication/auth.table.ts'
import type { AppointmentTable } from '../../record/appointments/appointment.table.ts'
import type {
  CareAssignmentTable,
  CareTeamTable,
  PractitionerRoleTable,
  StaffMemberTable,
  TeamMembershipTable,
  TeamTable,
} from '../../record/care-team/care-team.table.ts'
import type { CarePlanPrintTable } from '../../record/care-plan-prints/care-plan-print.table.ts'
import type { IntegrationAssertionTable, IntegrationClientTable, IntegrationTokenTable } from '../../integration/fhir/integration-client.table.ts'
import type { ContactPersonTable } from '../../record/clients/contact-person.table.ts'
import type { ClientTable } from '../../record/clients/client.table.ts'
import type { ClientContactTable } from '../../record/clients/client-contact.table.ts'
import type { ClientLinkTable, ConsentTable } from '../../record/links/link.table.ts'
import type { MessageReadMarkerTable, MessageTable } from '../../record/messages/message.table.ts'
import type { NewsItemTable } from '../../organisation/news/news.table.ts'
import type { OrganisationTable } from '../../organisation/settings/organisation.table.ts'
import type { OutboxMessageTable } from '../outbox/outbox.table.ts'
import type { FhirSubscriptionTable } from '../../integration/fhir/subscription/fhir-subscription.table.ts'
import type { ReportTable } from '../../record/reports/report.table.ts'
import type { AccountTotpTable, PasskeyTable, RecoveryCodeTable, WebauthnChallengeTable } from '../../identity/authentication/second-factors/second-factor.table.ts'
import type { SsoLoginStateTable } from '../../identity/sso/sso.table.ts'
import type { SubscriptionTable } from '../../record/subscriptions/subscription.table.ts'
import type { TermsAcceptanceTable, TermsVersionTable } from '../../identity/terms/terms.table.ts'
import type { ReportVersionTable } from '../../record/reports/report-version.table.ts'
import type { NotificationDigestItemTable, NotificationJobTable, NotificationPreferenceTable, NotificationSentTable } from '../../record/notifications/notification.table.ts'
import type { PushSubscriptionTable, WebPushKeyTable } from '../outbox/push/push.table.ts'
import type { FhirSourceIdentifierTable } from '../../integration/fhir/fhir-source-identifier.table.ts'

/** The whole database as Kysely sees it; each table's type lives in its feature folder. */
export interface Database {
  organisation: OrganisationTable
  team: TeamTable
  account: AccountTable
  staff_member: StaffMemberTable
  team_membership: TeamMembershipTable
  client: ClientTable
  care_assignment: CareAssignmentTable
  consent: ConsentTable
  client_link: ClientLinkTable
  report: ReportTable
  appointment: AppointmentTable
  subscription: SubscriptionTable
  news_item: NewsItemTable
  terms_version: TermsVersionTable
  terms_acceptance: TermsAcceptanceTable
  session: SessionTable
  outbox_message: OutboxMessageTable
  access_log: AccessLogTable
  password_token: PasswordTokenTable
  login_attempt: LoginAttemptTable
  rate_limit: RateLimitTable
  account_totp: AccountTotpTable
  recovery_code: RecoveryCodeTable
  passkey: PasskeyTable
  webauthn_challenge: WebauthnChallengeTable
  care_plan_print: CarePlanPrintTable
  message: MessageTable
  message_read_marker: MessageReadMarkerTable
  report_version: ReportVersionTable
  integration_client: IntegrationClientTable
  integration_token: IntegrationTokenTable
  integration_assertion: IntegrationAssertionTable
  care_team: CareTeamTable
  practitioner_role: PractitionerRoleTable
  contact_person: ContactPersonTable
  client_contact: ClientContactTable
  sso_login_state: SsoLoginStateTable
  fhir_source_identifier: FhirSourceIdentifierTable
  fhir_subscription: FhirSubscriptionTable
  access_invitation: AccessInvitationTable
  notification_preference: NotificationPreferenceTable
  notification_digest_item: NotificationDigestItemTable
  notification_sent: NotificationSentTable
  notification_job: NotificationJobTable
  push_subscription: PushSubscriptionTable
  web_push_key: WebPushKeyTable
}
