import type { FastifyInstance, FastifyRequest } from 'fastify'
import { parse as parseQueryString } from 'node:querystring'
import type { AppDeps } from '../../platform/app-deps.ts'
import { type ErrorCode, statusOf } from '../../platform/errors.ts'
import { strictJsonParser } from '../../platform/http/input-checks.ts'
import { requestSource } from '../../platform/http/request-source.ts'
import { recordAccess } from '../../platform/access-log/access-log.service.ts'
import type { AccessAction } from '../../platform/access-log/access-log.table.ts'
import { registerFhirAuthentication } from './fhir-auth.ts'
import { registerFhirErrorHandler, sendOutcome } from './fhir-errors.ts'
import { fhirMetadataRoutes } from './fhir-metadata.routes.ts'
import { fhirReadRoutes } from './fhir-read.routes.ts'
import { integrationActor } from './fhir-resource-type.ts'
import { fhirSearchRoutes } from './fhir-search.routes.ts'
import { fhirTokenRoutes } from './fhir-token.routes.ts'
import { fhirTransactionRoutes } from './fhir-transaction.routes.ts'
import { loadFhirDefinitions } from './fhir-validator.ts'
import { fhirWriteRoutes } from './fhir-write.routes.ts'
import { fhirSubscriptionRoutes } from './subscription/fhir-subscription.routes.ts'

/**
 * The FHIR R4 API under /fhir (register with `prefix: '/fhir'`): its own body types, bearer
 * authentication, OperationOutcome errors and not-found answer, then one plugin per operation.
 */
export async function fhirRoutes(app: FastifyInstance, options: AppDeps): Promise<void> {
  // Only the dependencies travel on: the prefix in `options` would be added again by each child.
  const deps: AppDeps = { config: options.config, db: options.db, clock: options.clock, cipher: options.cipher }
  // Seconds of work: done at start-up, not on the first request.
  loadFhirDefinitions()

  // application/fhir+json is JSON, parsed by Fastify's own JSON parser (prototype-poisoning safe)
  // after a strict UTF-8 decoding, as application/json is (server/platform/http/input-checks.ts).
  app.addContentTypeParser('application/fhir+json', { parseAs: 'buffer' }, strictJsonParser(app))
  // Form bodies reach only routes that say `formBody` (server/platform/http/security.ts); a repeated key
  // becomes a list, which the route's schema then refuses or accepts.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, { ...parseQueryString(body as string) })
  })

  registerFhirAuthentication(app, deps)
  registerFhirErrorHandler(app, (request, code) => logRefusal(deps, request, code))
  app.setNotFoundHandler((_request, reply) => sendOutcome(reply, 'not_found'))
  // The web app's catch-all would otherwise answer unknown /fhir paths with its HTML page.
  app.all('/*', { config: { fhirPublic: true } }, async (_request, reply) => sendOutcome(reply, 'not_found'))

  await app.register(fhirTokenRoutes, deps)
  await app.register(fhirMetadataRoutes, deps)
  await app.register(fhirSubscriptionRoutes, deps)
  await app.register(fhirReadRoutes, deps)
  await app.register(fhirSearchRoutes, deps)
  await app.register(fhirWriteRoutes, deps)
  await app.register(fhirTransactionRoutes, deps)
}

/** A refused call of a known integration client is in the access log too (NEN 7513: outcome). */
async function logRefusal({ db, clock }: AppDeps, request: FastifyRequest, code: ErrorCode): Promise<void> {
  if (!request.integration) return
  const status = statusOf(code)
  const resourceType = (request.params as { resourceType?: string } | undefined)?.resourceType ?? 'Bundle'
  await recordAccess(db, integrationActor(request.integration), requestSource(request), {
    action: actionOf(request),
    outcome: status === 401 || status === 403 || status === 429 ? 'denied' : 'failure',
    clientId: null,
    dataKind: `fhir:${resourceType.slice(0, 40)}`,
  }, clock())
}

function actionOf(request: FastifyRequest): AccessAction {
  if (request.method === 'GET' || request.url.includes('/_search')) return 'read'
  return request.method === 'PUT' ? 'update' : 'create'
}
