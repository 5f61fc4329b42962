import { createHash } from 'node:crypto'
import SwaggerParser from '@apidevtools/swagger-parser'
import type { FastifySchema } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { SESSION_COOKIE } from '../../identity/authentication/session.service.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { isDocumented, OPENAPI_PATH, REFERENCE_PATH } from './openapi.ts'
import { type DeclaredRoute, declaredRoutes } from './route-schemas.ts'

interface Parameter {
  name: string
  in: string
  required?: boolean
  schema: unknown
}
interface Operation {
  tags?: string[]
  security?: Record<string, string[]>[]
  'x-access'?: string
  parameters?: Parameter[]
  requestBody?: { required: boolean; content: Record<string, { schema: unknown }> }
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>
}
interface Document {
  openapi: string
  paths: Record<string, Record<string, Operation>>
  components: { securitySchemes: Record<string, { type: string; in: string; name: string }> }
}
type JsonSchema = { properties?: Record<string, unknown>; required?: string[]; type?: unknown }

/**
 * What a declared schema must look like in the document: its JSON form (typebox's `~kind`
 * markers are not enumerable and never serialised) without `$id`/`$schema`, which OpenAPI
 * has no use for inside an operation.
 */
function expected(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) => (key === '$id' || key === '$schema' ? undefined : value))
}

/** Fastify's `:id` is OpenAPI's `{id}`. */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
}

function routeSchema(route: DeclaredRoute): FastifySchema & { params?: JsonSchema; querystring?: JsonSchema } {
  return (route.schema ?? {}) as FastifySchema & { params?: JsonSchema; querystring?: JsonSchema }
}

/** Every key anywhere in a value, own and not enumerable included: typebox marks its schemas with `~kind`. */
function allKeys(value: unknown, found = new Set<string | symbol>()): Set<string | symbol> {
  if (value === null || typeof value !== 'object') return found
  for (const key of Reflect.ownKeys(value)) {
    found.add(key)
    allKeys((value as Record<string | symbol, unknown>)[key], found)
  }
  return found
}

describe('the OpenAPI document at /api/openapi.json', () => {
  let t: TestApp
  let document: Document
  let apiRoutes: DeclaredRoute[]

  beforeAll(async () => {
    t = await createTestApp()
    const res = await t.app.inject({ method: 'GET', url: OPENAPI_PATH })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    document = res.json<Document>()
    apiRoutes = declaredRoutes(t.app).filter((r) => isDocumented(r.url) && r.method !== 'HEAD' && r.method !== 'OPTIONS')
  })
  afterAll(async () => {
    await t.close()
  })

  it('is valid OpenAPI 3.1', async () => {
    expect(document.openapi).toBe('3.1.0')
    // The parser dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy()
  })

  it('is public and needs no session', async () => {
    const res = await t.app.inject({ method: 'GET', url: OPENAPI_PATH, headers: { cookie: `${SESSION_COOKIE}=not-a-session` } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('describes every declared /api and /health route, with nothing else beside them', () => {
    expect(apiRoutes.length).toBeGreaterThan(80)
    const described = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    const declared = apiRoutes.map((r) => `${r.method} ${openApiPath(r.url)}`)
    expect(described.sort()).toEqual([...new Set(declared)].sort())
  })

  it('leaves out the FHIR API (its CapabilityStatement describes it) and the web app', () => {
    expect(declaredRoutes(t.app).some((r) => r.url.startsWith('/fhir'))).toBe(true)
    expect(Object.keys(document.paths).filter((p) => !isDocumented(p))).toEqual([])
  })

  it("gives each route its path and query parameters with their schemas", () => {
    for (const route of apiRoutes) {
      const schema = routeSchema(route)
      const operation = document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()]
      const where = `${route.method} ${route.url}`
      const want: Parameter[] = []
      for (const [place, declared] of [['path', schema.params], ['query', schema.querystring]] as const) {
        for (const [name, property] of Object.entries(declared?.properties ?? {})) {
          want.push({ name, in: place, required: place === 'path' || (declared?.required ?? []).includes(name), schema: expected(property) })
        }
      }
      const got = (operation?.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: p.required ?? false, schema: p.schema }))
      const byName = (a: Parameter, b: Parameter) => `${a.in}${a.name}`.localeCompare(`${b.in}${b.name}`)
      expect(got.sort(byName), where).toEqual(want.sort(byName))
    }
  })

  it('gives each route that takes a body its request body schema', () => {
    const withBody = apiRoutes.filter((r) => routeSchema(r).body)
    expect(withBody.length).toBeGreaterThan(30)
    for (const route of apiRoutes) {
      const operation = document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()]
      const body = routeSchema(route).body
      const where = `${route.method} ${route.url}`
      if (!body) {
        expect(operation?.requestBody, where).toBeUndefined()
        continue
      }
      expect(operation?.requestBody?.required, where).toBe(true)
      expect(operation?.requestBody?.content['application/json']?.schema, where).toEqual(expected(body))
    }
  })

  it('gives each route its response schema for every declared status code', () => {
    let compared = 0
    for (const route of apiRoutes) {
      const operation = document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()]
      const responses = routeSchema(route).response as Record<string, JsonSchema>
      const where = `${route.method} ${route.url}`
      expect(Object.keys(operation?.responses ?? {}).sort(), where).toEqual(Object.keys(responses).sort())
      for (const [status, declared] of Object.entries(responses)) {
        const response = operation?.responses[status]
        expect(response?.description, `${where} ${status}`).toBeTruthy()
        expect(response?.description, `${where} ${status}`).not.toBe('Default Response')
        // A redirect declares its empty body as `null`: no content to describe.
        if (declared.type === 'null') {
          expect(response?.content, `${where} ${status}`).toBeUndefined()
          continue
        }
        const contents = Object.entries(response?.content ?? {})
        expect(contents, `${where} ${status}`).toHaveLength(1)
        const [mediaType, media] = contents[0]!
        // JSON answers as application/json; downloads (declared as a bare string) under their own type.
        expect(mediaType, `${where} ${status}`).toBe(declared.type === 'string' ? mediaTypeOfDownload(route.url) : 'application/json')
        expect(media.schema, `${where} ${status}`).toEqual(expected(declared))
        compared++
      }
    }
    expect(compared).toBeGreaterThan(200)
  })

  it('declares 503 on every route (closing; a full password-hashing queue), with the error body', () => {
    const without = apiRoutes.filter((route) => !document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()]?.responses['503'])
    expect(without.map((route) => `${route.method} ${route.url}`)).toEqual([])
    expect(document.paths['/api/session']?.post?.responses['503']?.content?.['application/json']?.schema).toEqual(expected(ErrorResponse))
  })

  it('declares the session cookie and the CSRF header, and marks each route with its access', () => {
    expect(document.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: SESSION_COOKIE })
    expect(document.components.securitySchemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' })
    const seen = new Set<string>()
    for (const route of apiRoutes) {
      const operation = document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()]
      // The access check guards /api only; /health answers anyone (proved below).
      const access = route.url.startsWith('/api/') ? ((route.config as { access?: string } | undefined)?.access ?? 'full') : 'public'
      const unsafe = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method)
      const where = `${route.method} ${route.url}`
      seen.add(`${access} ${unsafe}`)
      expect(operation?.['x-access'], where).toBe(access)
      expect(operation?.security, where).toEqual(access === 'public' ? [] : unsafe ? [{ session: [], csrf: [] }] : [{ session: [] }])
    }
    // Every kind occurs, so the check above covered each branch.
    expect([...seen].sort()).toEqual(['full false', 'full true', 'public false', 'public true', 'session false', 'session true'])
  })

  it('marks /health public because it is: it answers without a session', async () => {
    const health = apiRoutes.filter((r) => r.url.startsWith('/health/'))
    expect(health.length).toBeGreaterThan(0)
    for (const route of health) {
      expect(document.paths[route.url]?.get?.['x-access']).toBe('public')
      const res = await t.app.inject({ method: 'GET', url: route.url })
      expect(res.statusCode, route.url).toBe(200)
    }
  })

  it('is clean JSON: no typebox markers or symbols in the generated object', () => {
    const keys = [...allKeys(t.app.swagger())]
    expect(keys.filter((k) => typeof k === 'symbol')).toEqual([])
    expect(keys.filter((k) => typeof k === 'string' && k.startsWith('~'))).toEqual([])
    expect(keys).not.toContain('$id')
  })

  it('shows no reference page outside development', async () => {
    const res = await t.app.inject({ method: 'GET', url: REFERENCE_PATH })
    expect(res.statusCode).toBe(404)
  })
})

function mediaTypeOfDownload(url: string): string {
  if (url.endsWith('.pdf')) return 'application/pdf'
  if (url.endsWith('.csv')) return 'text/csv'
  return 'application/octet-stream'
}

describe('the reference page in development demo mode', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp({ env: { NODE_ENV: 'development' } })
  })
  afterAll(async () => {
    await t.close()
  })

  it('lists every documented operation, rendered from the same document, under a CSP without scripts', async () => {
    const res = await t.app.inject({ method: 'GET', url: REFERENCE_PATH })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("default-src 'none'")
    expect(csp).not.toContain('script-src')
    expect(csp).not.toContain('unsafe-inline')
    const document = (await t.app.inject({ method: 'GET', url: OPENAPI_PATH })).json<Document>()
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        expect(res.body).toContain(`<code class="method">${method.toUpperCase()}</code><code>${path}</code>`)
      }
    }
    expect(res.body).not.toMatch(/<script/i)
    // The page's one inline style is the one the CSP allows by hash, so the browser applies it.
    const style = /<style>([\s\S]*)<\/style>/.exec(res.body)?.[1] ?? ''
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`)
  })
})
