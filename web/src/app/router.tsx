import { Navigate, Route, Routes } from 'react-router'
import { AccountPage } from '@/features/admin/accounts/components/account-page.tsx'
import { AccountsPage } from '@/features/admin/accounts/components/accounts-page.tsx'
import { NewAccountPage } from '@/features/admin/accounts/components/new-account-page.tsx'
import { AccessLogSearchPage } from '@/features/admin/access-log/components/access-log-search-page.tsx'
import { ADMIN_PAGES } from '@/features/admin/admin-paths.ts'
import { NewsAdminPage } from '@/features/admin/news/components/news-page.tsx'
import { OrganisationPage } from '@/features/admin/organisation/components/organisation-page.tsx'
import { StaffPage } from '@/features/admin/staff/components/staff-page.tsx'
import { TermsAdminPage } from '@/features/admin/terms/components/terms-admin-page.tsx'
import { AccessLogPage } from '@/features/client-access-log/components/access-log-page.tsx'
import { AppointmentsPage } from '@/features/appointments/components/appointments-page.tsx'
import { NewAppointmentPage } from '@/features/appointments/components/new-appointment-page.tsx'
import { CarePlanPrintsPage } from '@/features/care-plan-prints/components/care-plan-prints-page.tsx'
import { ClientProfilePage } from '@/features/client-profile/components/client-profile-page.tsx'
import { ClientHome } from '@/features/home/components/client-home.tsx'
import { MessagesPage } from '@/features/messages/components/messages-page.tsx'
import { RecordCopyPage } from '@/features/record-copy/components/record-copy-page.tsx'
import { GrantAccessPage } from '@/features/access-grants/components/grant-access-page.tsx'
import { InvitationPage } from '@/features/access-grants/components/invitation-page.tsx'
import { ReportsPage } from '@/features/reports/components/reports-page.tsx'
import { SubscriptionsPage } from '@/features/subscriptions/components/subscriptions-page.tsx'
import { WorkspaceAppointmentsPage } from '@/features/workspace/appointments/components/appointments-page.tsx'
import { WorkspacePrintsPage } from '@/features/workspace/care-plan-prints/components/prints-page.tsx'
import { CareTeamPage } from '@/features/workspace/care-team/components/care-team-page.tsx'
import { WorkspaceProfilePage } from '@/features/workspace/client-profile/components/profile-page.tsx'
import { ConversationPage } from '@/features/workspace/messages/components/conversation-page.tsx'
import { WorkspaceReportsPage } from '@/features/workspace/reports/components/reports-page.tsx'
import { WorkspaceSubscriptionsPage } from '@/features/workspace/subscriptions/components/subscriptions-page.tsx'
import { AppShell } from './app-shell.tsx'
import { AccountLayout, PortalAccountsOnly, RequireAdministrator, RequirePortalAccess, RequireSession, RequireStaff, SessionAwareLayout } from './guards.tsx'
import { AdminLayout } from './layouts/admin-layout.tsx'
import { PortalLayout } from './layouts/portal-layout.tsx'
import { WorkspaceLayout } from './layouts/workspace-layout.tsx'
import { PublicLayout } from './layouts/public-layout.tsx'
import { AcceptTermsPage } from './routes/accept-terms-page.tsx'
import { AdminPage } from './routes/admin-page.tsx'
import { ClientRecordRoute } from './routes/client-record-route.tsx'
import { ChangePasswordPage } from './routes/change-password-page.tsx'
import { ForgotPasswordPage } from './routes/forgot-password-page.tsx'
import { HomePage } from './routes/home-page.tsx'
import { DigidUnknownPage } from './routes/digid-unknown-page.tsx'
import { LoginPage } from './routes/login-page.tsx'
import { MyProfilePage } from './routes/my-profile-page.tsx'
import { NotFoundPage } from './routes/not-found-page.tsx'
import { SetPasswordPage } from './routes/set-password-page.tsx'
import { StepUpPage } from './routes/step-up-page.tsx'
import { TermsPage } from './routes/terms-page.tsx'
import { WorkspaceClientRoute } from './routes/workspace-client-route.tsx'
import { WorkspaceClientsRoute, WorkspaceInboxRoute, WorkspaceStart } from './routes/workspace-pages.tsx'

/**
 * Every address of the web app. Dutch paths, because people read and share them.
 * - public: logging in, passwords by e-mail link;
 * - logged in, before anything else: a new password, then the terms of use;
 * - the portal: logged in with nothing owed, under the portal menu; a client's record under
 *   /client/:clientId/... (see lib/client-record-paths.ts for why the client is in the address);
 * - the staff workspace under /werkplek, with its own menu; a client's record there under
 *   /werkplek/clienten/:clientId/... (features/workspace/workspace-paths.ts). Staff who open a
 *   portal page go to the workspace, portal accounts who open the workspace go to the portal.
 * - /beheer: the administrators' pages under their own menu (features/admin/admin-paths.ts),
 *   for staff with the administrator role; reached from the workspace menu's "Beheer".
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route element={<PublicLayout />}>
          <Route index element={<LoginPage />} />
          <Route path="inloggen" element={<LoginPage />} />
          <Route path="inloggen/digid-onbekend" element={<DigidUnknownPage />} />
          <Route path="wachtwoord-vergeten" element={<ForgotPasswordPage />} />
          <Route path="wachtwoord-instellen" element={<SetPasswordPage />} />
          <Route path="uitnodiging" element={<InvitationPage />} />
        </Route>
        <Route element={<RequireSession />}>
          <Route element={<PublicLayout />}>
            <Route path="wachtwoord-wijzigen" element={<ChangePasswordPage />} />
            <Route path="akkoord-gebruikersvoorwaarden" element={<AcceptTermsPage />} />
          </Route>
        </Route>
        <Route element={<RequirePortalAccess />}>
          <Route element={<AccountLayout />}>
            <Route path="mijn-profiel" element={<MyProfilePage />} />
            <Route path="veiliger-inloggen" element={<StepUpPage />} />
          </Route>
          <Route path="werkplek" element={<RequireStaff />}>
            <Route element={<WorkspaceLayout />}>
              <Route index element={<WorkspaceStart />} />
              <Route path="clienten" element={<WorkspaceClientsRoute />} />
              <Route path="berichten" element={<WorkspaceInboxRoute />} />
              <Route path="clienten/:clientId">
                <Route index element={<Navigate to="rapportages" replace />} />
                <Route path="rapportages" element={<WorkspaceClientRoute title="menu.reports">{(id) => <WorkspaceReportsPage clientId={id} />}</WorkspaceClientRoute>} />
                <Route path="berichten" element={<WorkspaceClientRoute title="menu.messages">{(id) => <ConversationPage clientId={id} />}</WorkspaceClientRoute>} />
                <Route path="afspraken" element={<WorkspaceClientRoute title="menu.appointments">{(id) => <WorkspaceAppointmentsPage clientId={id} />}</WorkspaceClientRoute>} />
                <Route path="clientplanafdrukken" element={<WorkspaceClientRoute title="menu.carePlanPrints">{(id) => <WorkspacePrintsPage clientId={id} />}</WorkspaceClientRoute>} />
                <Route path="zorgteam" element={<WorkspaceClientRoute title="workspace.careTeam.title">{(id) => <CareTeamPage clientId={id} />}</WorkspaceClientRoute>} />
                <Route path="abonnementen" element={<WorkspaceClientRoute title="menu.subscriptions">{(id) => <WorkspaceSubscriptionsPage clientId={id} />}</WorkspaceClientRoute>} />
                <Route path="profiel" element={<WorkspaceClientRoute title="menu.profile">{(id) => <WorkspaceProfilePage clientId={id} />}</WorkspaceClientRoute>} />
              </Route>
            </Route>
          </Route>
          <Route element={<PortalAccountsOnly />}>
            <Route element={<PortalLayout />}>
              <Route path="home" element={<HomePage />} />
              <Route path="client/:clientId">
                <Route index element={<Navigate to="home" replace />} />
                <Route path="home" element={<ClientRecordRoute title="menu.home">{(c) => <ClientHome client={c} />}</ClientRecordRoute>} />
                <Route path="profiel" element={<ClientRecordRoute section="profile" title="menu.profile">{(c) => <ClientProfilePage clientId={c.clientId} />}</ClientRecordRoute>} />
                <Route path="rapportages" element={<ClientRecordRoute section="reports" title="menu.reports">{(c) => <ReportsPage clientId={c.clientId} />}</ClientRecordRoute>} />
                <Route
                  path="clientplanafdrukken"
                  element={<ClientRecordRoute section="care_plan" title="menu.carePlanPrints">{(c) => <CarePlanPrintsPage clientId={c.clientId} />}</ClientRecordRoute>}
                />
                <Route path="berichten" element={<ClientRecordRoute section="messages" title="menu.messages">{(c) => <MessagesPage clientId={c.clientId} />}</ClientRecordRoute>} />
                <Route path="afspraken" element={<ClientRecordRoute section="appointments" title="menu.appointments">{(c) => <AppointmentsPage clientId={c.clientId} />}</ClientRecordRoute>} />
                <Route
                  path="afspraken/nieuw"
                  element={<ClientRecordRoute section="appointments" title="appointments.new">{(c) => <NewAppointmentPage clientId={c.clientId} />}</ClientRecordRoute>}
                />
                <Route
                  path="abonnementen"
                  element={<ClientRecordRoute section="subscriptions" title="menu.subscriptions">{(c) => <SubscriptionsPage clientId={c.clientId} />}</ClientRecordRoute>}
                />
                <Route path="wie-heeft-mijn-dossier-ingezien" element={<ClientRecordRoute title="menu.accessLog">{(c) => <AccessLogPage clientId={c.clientId} />}</ClientRecordRoute>} />
                <Route path="gegevens-downloaden" element={<ClientRecordRoute title="menu.recordCopy">{(c) => <RecordCopyPage clientId={c.clientId} />}</ClientRecordRoute>} />
                <Route path="toegang-geven" element={<ClientRecordRoute title="menu.grants">{(c) => <GrantAccessPage clientId={c.clientId} />}</ClientRecordRoute>} />
              </Route>
            </Route>
          </Route>
        </Route>
        <Route element={<RequirePortalAccess />}>
          <Route element={<RequireAdministrator />}>
            <Route path="beheer" element={<AdminLayout />}>
              <Route index element={<Navigate to={ADMIN_PAGES.accounts} replace />} />
              <Route path="portaalaccounts" element={<AdminPage title="admin.menu.accounts"><AccountsPage /></AdminPage>} />
              <Route path="portaalaccounts/nieuw" element={<AdminPage title="admin.newAccount.title"><NewAccountPage /></AdminPage>} />
              <Route path="portaalaccounts/:accountId" element={<AdminPage title="admin.menu.accounts"><AccountPage /></AdminPage>} />
              <Route path="nieuws" element={<AdminPage title="admin.menu.news"><NewsAdminPage /></AdminPage>} />
              <Route path="gebruikersvoorwaarden" element={<AdminPage title="admin.menu.terms"><TermsAdminPage /></AdminPage>} />
              <Route path="organisatie" element={<AdminPage title="admin.menu.organisation"><OrganisationPage /></AdminPage>} />
              <Route path="medewerkers" element={<AdminPage title="admin.menu.staff"><StaffPage /></AdminPage>} />
              <Route path="toegangslog" element={<AdminPage title="admin.menu.accessLog"><AccessLogSearchPage /></AdminPage>} />
            </Route>
          </Route>
        </Route>
        <Route element={<SessionAwareLayout />}>
          <Route path="gebruikersvoorwaarden" element={<TermsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  )
}
