import type { FastifyInstance, FastifySchema } from 'fastify'
import { ErrorResponse } from '../../../shared/schemas/common.ts'

/** A route as declared: what the fuzz test of property 36 derives its hostile values from. */
export interface DeclaredRoute {
  method: string
  url: string
  schema: FastifySchema | undefined
  config: unknown
}

const declared = new WeakMap<FastifyInstance, DeclaredRoute[]>()

/** Every route the application declared, FHIR and the web app included, in declaration order. */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return declared.get(app) ?? []
}

/**
 * Every API route declares its input and its output. The response schema is the allow-list
 * of what leaves the server (fast-json-stringify drops every field it does not name), so a
 * route without one is refused at start-up rather than found in a review.
 *
 * Any route may answer 503 with the usual error body: while the server closes (Fastify's
 * return503OnClosing), and where a password is hashed and the hashing queue is full
 * (`server_busy`, with Retry-After). So each declares it, unless it declares its own 503.
 */
export function requireRouteSchemas(app: FastifyInstance): void {
  const routes: DeclaredRoute[] = []
  declared.set(app, routes)
  app.addHook('onRoute', (route) => {
    const responses = route.schema?.response as Record<string, unknown> | undefined
    if (responses && !('503' in responses) && (route.url.startsWith('/api/') || route.url.startsWith('/health/'))) {
      route.schema = { ...route.schema, response: { ...responses, 503: ErrorResponse } }
    }
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      routes.push({ method, url: route.url, schema: route.schema, config: route.config })
    }
    if (!route.url.startsWith('/api/') && !route.url.startsWith('/health/')) return
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (methods.every((m) => m === 'HEAD' || m === 'OPTIONS')) return
    const schema = route.schema ?? {}
    if (!schema.response) throw new Error(`Route ${methods.join(',')} ${route.url} has no response schema`)
    const takesBody = methods.some((m) => ['POST', 'PUT', 'PATCH'].includes(m))
    if (takesBody && !schema.body) throw new Error(`Route ${methods.join(',')} ${route.url} has no body schema`)
    if (route.url.includes(':') && !schema.params) throw new Error(`Route ${route.url} has no params schema`)
  })
}
