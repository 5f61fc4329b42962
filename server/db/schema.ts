import type { AccessLogTable } from '../features/access-log/access-log.table.ts'
import type { AccountTable, SessionTable } from '../features/accounts/account.table.ts'
import type { LoginAttemptTable, PasswordTokenTable, RateLimitTable } from '../features/auth/auth.table.ts'
import type { AppointmentTable } from '../features/appointments/appointment.table.ts'
import type {
  CareAssignmentTable,
  CareTeamTable,
  PractitionerRoleTable,
  StaffMemberTable,
  TeamMembershipTable,
  TeamTable,
} from '../features/care-team/care-team.table.ts'
import type { CarePlanPrintTable } from '../features/care-plan-prints/care-plan-print.table.ts'
import type { IntegrationAssertionTable, IntegrationClientTable, IntegrationTokenTable } from '../features/fhir/integration-client.table.ts'
import type { ContactPersonTable } from '../features/clients/contact-person.table.ts'
import type { ClientTable } from '../features/clients/client.table.ts'
import type { ClientLinkTable, ConsentTable } from '../features/links/link.table.ts'
import type { MessageReadMarkerTable, MessageTable } from '../features/messages/message.table.ts'
import type { NewsItemTable } from '../features/news/news.table.ts'
import type { OrganisationTable } from '../features/organisation/organisation.table.ts'
import type { OutboxMessageTable } from '../features/outbox/outbox.table.ts'
import type { ReportTable } from '../features/reports/report.table.ts'
import type { AccountTotpTable, PasskeyTable, RecoveryCodeTable, WebauthnChallengeTable } from '../features/second-factors/second-factor.table.ts'
import type { SsoLoginStateTable } from '../features/sso/sso.table.ts'
import type { SubscriptionTable } from '../features/subscriptions/subscription.table.ts'
import type { TermsAcceptanceTable, TermsVersionTable } from '../features/terms/terms.table.ts'
import type { ReportVersionTable } from '../features/workspace/report-version.table.ts'

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
  sso_login_state: SsoLoginStateTable
}
