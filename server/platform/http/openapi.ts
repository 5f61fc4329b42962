import { STATUS_CODES } from 'node:http'
import swagger from '@fastify/swagger'
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify'
import { Type } from 'typebox'
import type { Config } from '../../config.ts'
import { SESSION_COOKIE } from '../../identity/authentication/session.service.ts'
import { renderApiReference, REFERENCE_PAGE_CSP } from './openapi-reference.ts'

/** Where the portal API's OpenAPI document is served (public: it describes shapes, never data). */
export const OPENAPI_PATH = '/api/openapi.json'
/** The readable reference page: only in development demo mode, like the development mailbox. */
export const REFERENCE_PATH = '/api/reference'

/** The methods that change state: a session must send its CSRF token with them. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * What the document describes: the portal API and the health checks. The FHIR API at /fhir is
 * left out on purpose: FHIR clients read its CapabilityStatement (`GET /fhir/metadata`), which
 * is the standard's own description (see docs/decisions/openapi.md). The web app's routes are
 * no API at all.
 */
export function isDocumented(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('/health/')
}

/**
 * The top-level fields of an OpenAPI 3.1 document. The response schema is the allow-list here
 * too: the generated parts (paths, components) are passed on whole, as the document they are.
 */
const OpenApiDocument = Type.Object({
  openapi: Type.String(),
  info: Type.Unknown(),
  servers: Type.Optional(Type.Unknown()),
  tags: Type.Optional(Type.Unknown()),
  externalDocs: Type.Optional(Type.Unknown()),
  security: Type.Optional(Type.Unknown()),
  paths: Type.Unknown(),
  components: Type.Unknown(),
})

/**
 * Describes every documented route from the schemas it declares (server/platform/http/route-schemas.ts
 * makes them mandatory), and serves the document at {@link OPENAPI_PATH}. Registered before the
 * features, so it sees each of their routes as they are added.
 */
export async function registerOpenApi(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cliëntportaal API',
        version: '1',
        description:
          'The JSON API of the client portal and the staff workspace. A session is the `' +
          SESSION_COOKIE +
          '` cookie set at login; state-changing requests of a session also send its CSRF token in `X-CSRF-Token`. ' +
          'Each operation names its access in `x-access`: `public` (anyone), `session` (logged in, also while terms ' +
          'or a new password are owed) or `full` (the default). The FHIR API at /fhir is described by its ' +
          'CapabilityStatement at /fhir/metadata.',
      },
      servers: [{ url: config.publicBaseUrl.origin }],
      externalDocs: { description: 'FHIR R4 CapabilityStatement of the /fhir API', url: new URL('/fhir/metadata', config.publicBaseUrl).href },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie (HttpOnly, Secure, SameSite=Lax).' },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description: "The session's CSRF token (from the session answer); required with POST, PUT, PATCH and DELETE.",
          },
        },
      },
    },
    // OpenAPI 3.1 schemas are JSON Schema 2020-12: `const` stays as declared.
    convertConstToEnum: false,
    transform: ({ schema, url, route }) => describeRoute(schema, url, route),
    transformObject: (generated) => {
      if (!('openapiObject' in generated)) return generated.swaggerObject
      finishDocument(generated.openapiObject as GeneratedDocument)
      return generated.openapiObject
    },
  })

  app.get(
    OPENAPI_PATH,
    { config: { access: 'public' }, schema: { response: { 200: OpenApiDocument } } },
    async () => app.swagger(),
  )

  if (config.demoMode.mailbox) {
    app.get(REFERENCE_PATH, { config: { access: 'public' }, schema: { response: { 200: Type.String() } } }, async (_request, reply) =>
      reply.header('content-security-policy', REFERENCE_PAGE_CSP).type('text/html; charset=utf-8').send(renderApiReference(app.swagger())),
    )
  }
}

/** One route's operation: hidden outside the API, otherwise tagged and given its access and security. */
function describeRoute(schema: FastifySchema | undefined, url: string, route: RouteOptions): { schema: FastifySchema; url: string } {
  if (!isDocumented(url)) return { schema: { ...schema, hide: true } as FastifySchema, url }
  // The access check guards /api only (server/identity/authentication/authentication.ts): /health is open.
  const access = url.startsWith('/api/') ? (route.config?.access ?? 'full') : 'public'
  const methods = Array.isArray(route.method) ? route.method : [route.method]
  const security = access === 'public' ? [] : methods.some((m) => UNSAFE_METHODS.has(m)) ? [{ session: [], csrf: [] }] : [{ session: [] }]
  const tag = url === OPENAPI_PATH || url === REFERENCE_PATH ? 'documentation' : (url.split('/')[url.startsWith('/api/') ? 2 : 1] ?? 'api')
  const described = { ...schema, tags: [tag], security, 'x-access': access } as FastifySchema
  return { schema: described, url }
}

/** The parts of the generated document {@link finishDocument} touches. */
interface GeneratedDocument {
  paths?: Record<string, Record<string, { responses?: Record<string, { description?: string; content?: Record<string, unknown> }> }>>
}

/** Downloads name their type in the path; a download without an extension is just bytes. */
const DOWNLOAD_TYPES: Record<string, string> = { pdf: 'application/pdf', csv: 'text/csv' }

function downloadType(path: string): string {
  return DOWNLOAD_TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream'
}

/**
 * Two things the generator cannot know: a response without a description gets the status's
 * own name instead of "Default Response", and a file download (a response declared as a bare
 * string: the PDFs, the CSV export, the logo) is not JSON, so it is listed under its own type.
 */
function finishDocument(document: GeneratedDocument): void {
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (response.description === 'Default Response') response.description = STATUS_CODES[status] ?? status
        const json = response.content?.['application/json'] as { schema?: { type?: unknown } } | undefined
        if (json?.schema?.type === 'string') response.content = { [downloadType(path)]: json }
      }
    }
  }
}
