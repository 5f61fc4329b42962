import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../platform/app-deps.ts'
import { AppError, forbidden, rateLimited, unauthenticated } from '../../platform/errors.ts'
import { consumeRateLimit } from '../../identity/authentication/rate-limit.ts'
import { hashSecretToken } from '../../identity/authentication/secret-token.ts'
import { type FhirAccess, scopesAllow } from './fhir-scopes.ts'
import type { IntegrationCaller } from './fhir-resource-type.ts'
import { findTokenHolder } from './integration-client.repository.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No bearer token needed: the token endpoint and the CapabilityStatement. */
    fhirPublic?: boolean
  }
  interface FastifyRequest {
    integration: IntegrationCaller | null
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/

/**
 * Bearer-token authentication for every /fhir route but the public ones: the token's client,
 * not disabled, token not expired; then the client's own rate limit (in the database, shared
 * by every app instance). Runs before the body is read.
 */
export function registerFhirAuthentication(app: FastifyInstance, { db, clock }: AppDeps): void {
  app.decorateRequest('integration', null)
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.fhirPublic || request.is404) return
    const match = BEARER.exec(request.headers.authorization ?? '')
    if (!match) throw unauthenticated('no bearer token')
    const now = clock()
    const holder = await findTokenHolder(db, hashSecretToken(match[1]!), now)
    if (!holder) throw unauthenticated('token unknown or expired')
    request.integration = {
      id: holder.id,
      name: holder.name,
      identifierSystem: holder.identifier_system,
      scopes: holder.scopes,
      requestsPerMinute: holder.requests_per_minute,
    }
    if (!(await consumeRateLimit(db, `fhir:${holder.id}`, holder.requests_per_minute, 60, now))) throw rateLimited('integration client')
  })
}

/** The caller of a route that passed the bearer check. */
export function requireCaller(request: FastifyRequest): IntegrationCaller {
  if (!request.integration) throw new AppError('unauthenticated')
  return request.integration
}

/** Refuses with 403 unless the token's scopes allow `access` to `resourceType`. */
export function requireScope(caller: IntegrationCaller, resourceType: string, access: FhirAccess): void {
  if (!scopesAllow(caller.scopes, resourceType, access)) throw forbidden(`scope ${resourceType}.${access}`)
}
