import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { AppDeps } from './platform/app-deps.ts'
import type { Config } from './config.ts'
import { registerAuthentication } from './identity/authentication/authentication.ts'
import { clientAccessRoutes } from './record/client-access/client-access.routes.ts'
import { appointmentPortalRoutes } from './record/appointments/appointment.portal.routes.ts'
import { appointmentWorkspaceRoutes } from './record/appointments/appointment.workspace.routes.ts'
import { carePlanPrintPortalRoutes } from './record/care-plan-prints/care-plan-print.portal.routes.ts'
import { carePlanPrintWorkspaceRoutes } from './record/care-plan-prints/care-plan-print.workspace.routes.ts'
import { homeRoutes } from './record/home/home.routes.ts'
import { messagePortalRoutes } from './record/messages/message.portal.routes.ts'
import { messageWorkspaceRoutes } from './record/messages/message.workspace.routes.ts'
import { recordCopyRoutes } from './record/record-copy/record-copy.routes.ts'
import { clientAccessLogRoutes } from './record/client-access-log/client-access-log.routes.ts'
import { clientProfilePortalRoutes } from './record/client-profile/client-profile.portal.routes.ts'
import { clientProfileWorkspaceRoutes } from './record/client-profile/client-profile.workspace.routes.ts'
import { reportPortalRoutes } from './record/reports/reports.portal.routes.ts'
import { accessGrantRoutes } from './record/access-grants/access-grants.routes.ts'
import { clientGrantsSettingRoutes } from './administration/organisation/client-grants.routes.ts'
import { clientGrantsAdminRoutes } from './administration/client-grants/client-grants-admin.routes.ts'
import { reportWorkspaceRoutes } from './record/reports/reports.workspace.routes.ts'
import { subscriptionPortalRoutes } from './record/subscriptions/subscriptions.portal.routes.ts'
import { subscriptionWorkspaceRoutes } from './record/subscriptions/subscriptions.workspace.routes.ts'
import { passwordRoutes } from './identity/authentication/password.routes.ts'
import { sessionRoutes } from './identity/authentication/session.routes.ts'
import { ssoRoutes } from './identity/sso/sso.routes.ts'
import { digidRoutes } from './identity/digid/digid.routes.ts'
import { healthRoutes } from './platform/health/health.routes.ts'
import { newsRoutes } from './organisation/news/news.routes.ts'
import { devOutboxRoutes } from './platform/outbox/outbox.routes.ts'
import { organisationRoutes } from './organisation/settings/organisation.routes.ts'
import { profileRoutes } from './identity/profile/profile.routes.ts'
import { notificationRoutes } from './record/notifications/notification.routes.ts'
import { secondFactorRoutes } from './identity/authentication/second-factors/second-factors.routes.ts'
import { termsRoutes } from './identity/terms/terms.routes.ts'
import { portalAccountRoutes } from './administration/portal-accounts/portal-accounts.routes.ts'
import { clientLinkRoutes } from './administration/client-links/client-links.routes.ts'
import { organisationAdminRoutes } from './administration/organisation/organisation-admin.routes.ts'
import { loginPolicyRoutes } from './administration/organisation/login-policy.routes.ts'
import { newsAdminRoutes } from './administration/news/news-admin.routes.ts'
import { termsAdminRoutes } from './administration/terms/terms-admin.routes.ts'
import { staffAccountRoutes } from './administration/staff-accounts/staff-accounts.routes.ts'
import { accessLogSearchRoutes } from './administration/access-log-search/access-log-search.routes.ts'
import { workspaceRoutes } from './record/workspace/workspace.routes.ts'
import { fhirRoutes } from './integration/fhir/fhir.routes.ts'
import { registerErrorHandler, sendError } from './platform/http/error-handler.ts'
import { addInputFormats, registerInputChecks } from './platform/http/input-checks.ts'
import { registerOpenApi } from './platform/http/openapi.ts'
import { registerRequestContext } from './platform/http/request-context.ts'
import { requireRouteSchemas } from './platform/http/route-schemas.ts'
import { registerSecurity } from './platform/http/security.ts'
import { registerWebApp } from './platform/http/web-app.ts'
import { loggerOptions } from './platform/logger.ts'
import { registerRequestMetrics } from './platform/metrics/metrics.ts'
import { configurePasswordHashing } from './identity/accounts/password-hash.ts'


export interface BuildAppOptions extends AppDeps {
  /** Where log lines go; tests capture them to prove no secret is logged. */
  logStream?: NodeJS.WritableStream
}

/** Builds the application: security first, then each feature by hand, then the web app. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { logStream, ...deps } = options
  const { config } = deps
  const logger = logStream
    ? { ...loggerOptions(config.logLevel), stream: logStream }
    : loggerOptions(config.logLevel)

  const app = Fastify({
    logger,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: config.bodyLimitBytes,
    // Dates mean real days in 1900–2200 (server/platform/http/input-checks.ts).
    ajv: { customOptions: { removeAdditional: false, allErrors: true }, onCreate: addInputFormats },
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>()

  requireRouteSchemas(app)
  // Logins never starve the other routes: a bounded number of argon2id jobs at once (503 past the queue).
  configurePasswordHashing(config.passwordHashing)
  registerRequestMetrics(app)
  registerErrorHandler(app)
  registerInputChecks(app)
  registerRequestContext(app, deps)
  await registerSecurity(app, config)
  await registerAuthentication(app, deps)
  await registerOpenApi(app, config)

  await app.register(healthRoutes, deps)
  await app.register(organisationRoutes, deps)
  await app.register(newsRoutes, deps)
  await app.register(sessionRoutes, deps)
  await app.register(ssoRoutes, deps)
  await app.register(digidRoutes, deps)
  await app.register(passwordRoutes, deps)
  await app.register(termsRoutes, deps)
  await app.register(profileRoutes, deps)
  await app.register(notificationRoutes, deps)
  await app.register(secondFactorRoutes, deps)
  await app.register(clientAccessRoutes, deps)
  await app.register(homeRoutes, deps)
  await app.register(carePlanPrintPortalRoutes, deps)
  await app.register(messagePortalRoutes, deps)
  await app.register(appointmentPortalRoutes, deps)
  await app.register(recordCopyRoutes, deps)
  await app.register(reportPortalRoutes, deps)
  await app.register(clientProfilePortalRoutes, deps)
  await app.register(subscriptionPortalRoutes, deps)
  await app.register(clientAccessLogRoutes, deps)
  await app.register(accessGrantRoutes, deps)
  // The administrators' half of the staff workspace.
  await app.register(portalAccountRoutes, deps)
  await app.register(clientLinkRoutes, deps)
  await app.register(organisationAdminRoutes, deps)
  await app.register(loginPolicyRoutes, deps)
  await app.register(clientGrantsSettingRoutes, deps)
  await app.register(clientGrantsAdminRoutes, deps)
  await app.register(newsAdminRoutes, deps)
  await app.register(termsAdminRoutes, deps)
  await app.register(staffAccountRoutes, deps)
  await app.register(accessLogSearchRoutes, deps)
  // The caregivers' half: their clients, inbox and care teams; each section's workspace routes beside its portal routes.
  await app.register(workspaceRoutes, deps)
  await app.register(reportWorkspaceRoutes, deps)
  await app.register(messageWorkspaceRoutes, deps)
  await app.register(appointmentWorkspaceRoutes, deps)
  await app.register(carePlanPrintWorkspaceRoutes, deps)
  await app.register(clientProfileWorkspaceRoutes, deps)
  await app.register(subscriptionWorkspaceRoutes, deps)
  // The ECD's FHIR API: its own bearer tokens, body types and OperationOutcome errors.
  await app.register(fhirRoutes, { ...deps, prefix: '/fhir' })
  // Only in demo mode (config.demoMode): never beside real people's accounts, mail or phones.
  if (config.demoMode.mailbox) await app.register(devOutboxRoutes, deps)

  await registerWebApp(app, config)
  app.setNotFoundHandler((request, reply) => sendError(request, reply, 'not_found'))
  return app
}

/** A hop count becomes a function: Fastify's types take the count only in that form. */
function trustProxyOption(trust: Config['trustProxy']) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust
}
