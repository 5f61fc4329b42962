import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { AppDeps } from './platform/app-deps.ts'
import type { Config } from './config.ts'
import { registerAuthentication } from './identity/authentication/authentication.ts'
import { clientAccessRoutes } from './record/client-access/client-access.routes.ts'
import { appointmentRoutes } from './record/appointments/appointment.routes.ts'
import { carePlanPrintRoutes } from './record/care-plan-prints/care-plan-print.routes.ts'
import { homeRoutes } from './record/home/home.routes.ts'
import { messageRoutes } from './record/messages/message.routes.ts'
import { recordCopyRoutes } from './record/record-copy/record-copy.routes.ts'
import { clientAccessLogRoutes } from './record/client-access-log/client-access-log.routes.ts'
import { clientProfileRoutes } from './record/client-profile/client-profile.routes.ts'
import { reportRoutes } from './record/reports/reports.routes.ts'
import { subscriptionRoutes } from './record/subscriptions/subscriptions.routes.ts'
import { passwordRoutes } from './identity/authentication/password.routes.ts'
import { sessionRoutes } from './identity/authentication/session.routes.ts'
import { ssoRoutes } from './identity/sso/sso.routes.ts'
import { digidRoutes } from './identity/digid/digid.routes.ts'
import { healthRoutes } from './platform/health/health.routes.ts'
import { newsRoutes } from './organisation/news/news.routes.ts'
import { devOutboxRoutes } from './platform/outbox/outbox.routes.ts'
import { organisationRoutes } from './organisation/settings/organisation.routes.ts'
import { profileRoutes } from './identity/profile/profile.routes.ts'
import { secondFactorRoutes } from './identity/authentication/second-factors/second-factors.routes.ts'
import { termsRoutes } from './identity/terms/terms.routes.ts'
import { portalAccountRoutes } from './administration/portal-accounts/portal-accounts.routes.ts'
import { clientLinkRoutes } from './administration/client-links/client-links.routes.ts'
import { organisationAdminRoutes } from './administration/organisation/organisation-admin.routes.ts'
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
  await app.register(secondFactorRoutes, deps)
  await app.register(clientAccessRoutes, deps)
  await app.register(homeRoutes, deps)
  await app.register(carePlanPrintRoutes, deps)
  await app.register(messageRoutes, deps)
  await app.register(appointmentRoutes, deps)
  await app.register(recordCopyRoutes, deps)
  await app.register(reportRoutes, deps)
  await app.register(clientProfileRoutes, deps)
  await app.register(subscriptionRoutes, deps)
  await app.register(clientAccessLogRoutes, deps)
  // The administrators' half of the staff workspace.
  await app.register(portalAccountRoutes, deps)
  await app.register(clientLinkRoutes, deps)
  await app.register(organisationAdminRoutes, deps)
  await app.register(newsAdminRoutes, deps)
  await app.register(termsAdminRoutes, deps)
  await app.register(staffAccountRoutes, deps)
  await app.register(accessLogSearchRoutes, deps)
  // The caregivers' half: their clients, inbox and each client's record.
  await app.register(workspaceRoutes, deps)
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
