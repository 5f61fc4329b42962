import { Navigate, Route, Routes } from 'react-router'
import { ADMIN_PAGES } from '@/features/admin/admin-paths.ts'
import { AppShell } from './app-shell.tsx'
import { AccountLayout, PortalAccountsOnly, RequireAdministrator as RequireAdministratorNow, RequirePortalAccess, RequireSession, RequireStaff, SessionAwareLayout } from './guards.tsx'
import { AdminLayout, PortalLayout, WorkspaceLayout } from './layouts/lazy-layouts.ts'
import { PublicLayout } from './layouts/public-layout.tsx'
import { AdminPage } from './routes/admin-page.tsx'
import { NotFoundPage } from './routes/not-found-page.tsx'
import { lazyPage, withMessages } from './lazy-page.ts'

/** The administrators' guard says "not allowed" in their texts: shown once those are here. */
const RequireAdministrator = lazyPage(() => withMessages('admin', () => Promise.resolve(RequireAdministratorNow)))

// The record pages' wrappers, with their layouts' JavaScript (loaded by then: every record page is inside its layout).
const ClientRecordRoute = lazyPage(() => import('./layouts/portal-layout.tsx').then((m) => m.ClientRecordRoute))
const WorkspaceClientRoute = lazyPage(() => import('./layouts/workspace-layout.tsx').then((m) => m.WorkspaceClientRoute))

const AccountPage = lazyPage(() => import('@/features/admin/accounts/components/account-page.tsx').then((m) => m.AccountPage))
const AccountsPage = lazyPage(() => import('@/features/admin/accounts/components/accounts-page.tsx').then((m) => m.AccountsPage))
const NewAccountPage = lazyPage(() => import('@/features/admin/accounts/components/new-account-page.tsx').then((m) => m.NewAccountPage))
const ClientGrantsAdminPage = lazyPage(() => import('@/features/admin/client-grants/components/client-grants-page.tsx').then((m) => m.ClientGrantsAdminPage))
const AccessLogSearchPage = lazyPage(() => import('@/features/admin/access-log/components/access-log-search-page.tsx').then((m) => m.AccessLogSearchPage))
const NewsAdminPage = lazyPage(() => import('@/features/admin/news/components/news-page.tsx').then((m) => m.NewsAdminPage))
const OrganisationPage = lazyPage(() => import('@/features/admin/organisation/components/organisation-page.tsx').then((m) => m.OrganisationPage))
const StaffPage = lazyPage(() => import('@/features/admin/staff/components/staff-page.tsx').then((m) => m.StaffPage))
const TermsAdminPage = lazyPage(() => import('@/features/admin/terms/components/terms-admin-page.tsx').then((m) => m.TermsAdminPage))
const GrantAccessPage = lazyPage(() => withMessages('grants', () => import('@/features/access-grants/components/grant-access-page.tsx').then((m) => m.GrantAccessPage)))
const InvitationPage = lazyPage(() => withMessages('grants', () => import('@/features/access-grants/components/invitation-page.tsx').then((m) => m.InvitationPage)))
const AccessLogPage = lazyPage(() => import('@/features/client-access-log/components/access-log-page.tsx').then((m) => m.AccessLogPage))
const AppointmentsPage = lazyPage(() => import('@/features/appointments/components/appointments-page.tsx').then((m) => m.AppointmentsPage))
const NewAppointmentPage = lazyPage(() => import('@/features/appointments/components/new-appointment-page.tsx').then((m) => m.NewAppointmentPage))
const CarePlanPrintsPage = lazyPage(() => import('@/features/care-plan-prints/components/care-plan-prints-page.tsx').then((m) => m.CarePlanPrintsPage))
const ClientProfilePage = lazyPage(() => import('@/features/client-profile/components/client-profile-page.tsx').then((m) => m.ClientProfilePage))
const ClientHome = lazyPage(() => import('@/features/home/components/client-home.tsx').then((m) => m.ClientHome))
const MessagesPage = lazyPage(() => import('@/features/messages/components/messages-page.tsx').then((m) => m.MessagesPage))
const RecordCopyPage = lazyPage(() => import('@/features/record-copy/components/record-copy-page.tsx').then((m) => m.RecordCopyPage))
const ReportsPage = lazyPage(() => import('@/features/reports/components/reports-page.tsx').then((m) => m.ReportsPage))
const SubscriptionsPage = lazyPage(() => import('@/features/subscriptions/components/subscriptions-page.tsx').then((m) => m.SubscriptionsPage))
const WorkspaceAppointmentsPage = lazyPage(() => import('@/features/workspace/appointments/components/appointments-page.tsx').then((m) => m.WorkspaceAppointmentsPage))
const WorkspacePrintsPage = lazyPage(() => import('@/features/workspace/care-plan-prints/components/prints-page.tsx').then((m) => m.WorkspacePrintsPage))
const CareTeamPage = lazyPage(() => import('@/features/workspace/care-team/components/care-team-page.tsx').then((m) => m.CareTeamPage))
const WorkspaceProfilePage = lazyPage(() => import('@/features/workspace/client-profile/components/profile-page.tsx').then((m) => m.WorkspaceProfilePage))
const ConversationPage = lazyPage(() => import('@/features/workspace/messages/components/conversation-page.tsx').then((m) => m.ConversationPage))
const WorkspaceReportsPage = lazyPage(() => import('@/features/workspace/reports/components/reports-page.tsx').then((m) => m.WorkspaceReportsPage))
const WorkspaceSubscriptionsPage = lazyPage(() => import('@/features/workspace/subscriptions/components/subscriptions-page.tsx').then((m) => m.WorkspaceSubscriptionsPage))
const AcceptTermsPage = lazyPage(() => withMessages('account', () => import('./routes/accept-terms-page.tsx').then((m) => m.AcceptTermsPage)))
const ChangePasswordPage = lazyPage(() => withMessages('account', () => import('./routes/change-password-page.tsx').then((m) => m.ChangePasswordPage)))
const ForgotPasswordPage = lazyPage(() => withMessages('account', () => import('./routes/forgot-password-page.tsx').then((m) => m.ForgotPasswordPage)))
const HomePage = lazyPage(() => import('./routes/home-page.tsx').then((m) => m.HomePage))
const DigidUnknownPage = lazyPage(() => withMessages('account', () => import('./routes/digid-unknown-page.tsx').then((m) => m.DigidUnknownPage)))
const LoginPage = lazyPage(() => import('./routes/login-page.tsx').then((m) => m.LoginPage))
const MyProfilePage = lazyPage(() => withMessages(['profile', 'account'], () => import('./routes/my-profile-page.tsx').then((m) => m.MyProfilePage)))
const SetPasswordPage = lazyPage(() => withMessages('account', () => import('./routes/set-password-page.tsx').then((m) => m.SetPasswordPage)))
const StepUpPage = lazyPage(() => withMessages('account', () => import('./routes/step-up-page.tsx').then((m) => m.StepUpPage)))
const TermsPage = lazyPage(() => withMessages('account', () => import('./routes/terms-page.tsx').then((m) => m.TermsPage)))
const WorkspaceClientsRoute = lazyPage(() => import('./routes/workspace-pages.tsx').then((m) => m.WorkspaceClientsRoute))
const WorkspaceInboxRoute = lazyPage(() => import('./routes/workspace-pages.tsx').then((m) => m.WorkspaceInboxRoute))
const WorkspaceStart = lazyPage(() => import('./routes/workspace-pages.tsx').then((m) => m.WorkspaceStart))

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
              <Route path="toegang-door-clienten" element={<AdminPage title="admin.menu.clientGrants"><ClientGrantsAdminPage /></AdminPage>} />
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
