import type { Bundle } from '@medplum/fhirtypes'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../platform/app-deps.ts'
import { readResource } from './fhir-operations.service.ts'
import { FHIR_JSON, fhirContext, fullUrl, sendResource, versionPath } from './fhir-reply.ts'
import { resourceTypeNamed } from './fhir-resource-types.ts'
import { fhirBadRequest } from './fhir-errors.ts'
import { fhirPreferences } from './fhir-prefer.ts'
import { etagOf } from './fhir-versions.ts'

const ResourceType = Type.String({ pattern: '^[A-Z][A-Za-z]{1,40}$' })
const Id = Type.String({ pattern: '^[A-Za-z0-9.-]{1,64}$' })
const Params = Type.Object({ resourceType: ResourceType, id: Id })
const VersionParams = Type.Object({ resourceType: ResourceType, id: Id, version: Type.String({ pattern: '^[0-9]{1,9}$' }) })
// `_elements`, `_format`, `_pretty`, `_summary`: a read takes the result parameters; others are ignored unless strict.
const ReadQuery = Type.Record(Type.String({ maxLength: 40 }), Type.Union([Type.String({ maxLength: 400 }), Type.Array(Type.String({ maxLength: 400 }), { maxItems: 4 })]))
const READ_PARAMETERS = new Set(['_elements', '_format', '_pretty', '_summary'])

/**
 * `GET /fhir/<type>/<id>`: read; `…/_history/<version>`: vread; `…/_history`: the instance's
 * history. The portal keeps the current version of a row only (versions count its changes), so
 * an older version answers 404 and the history holds the current version: the Location of a
 * create or update can always be read back.
 */
export async function fhirReadRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/:resourceType/:id', { schema: { params: Params, querystring: ReadQuery } }, async (request, reply) => {
    const { resourceType, id } = request.params as { resourceType: string; id: string }
    const elements = readElements(request.query as Record<string, string | string[]>, fhirPreferences(request.headers.prefer).strict)
    const stored = await readResource(deps.db, fhirContext(request, deps), resourceTypeNamed(resourceType), id)
    return sendResource(reply, stored, 200, 'representation', elements)
  })
  app.get('/:resourceType/:id/_history/:version', { schema: { params: VersionParams } }, async (request, reply) => {
    const { resourceType, id, version } = request.params as { resourceType: string; id: string; version: string }
    const stored = await readResource(deps.db, fhirContext(request, deps), resourceTypeNamed(resourceType), id, Number(version))
    return sendResource(reply, stored)
  })
  app.get('/:resourceType/:id/_history', { schema: { params: Params } }, async (request, reply) => {
    const { resourceType, id } = request.params as { resourceType: string; id: string }
    const stored = await readResource(deps.db, fhirContext(request, deps), resourceTypeNamed(resourceType), id)
    const lastModified = stored.resource.meta?.lastUpdated
    const history: Bundle = {
      resourceType: 'Bundle',
      type: 'history',
      total: 1,
      link: [{ relation: 'self', url: new URL(`/fhir/${resourceType}/${id}/_history`, deps.config.publicBaseUrl).href }],
      entry: [{
        fullUrl: fullUrl(stored.resource, deps.config.publicBaseUrl),
        resource: stored.resource,
        request: { method: stored.version === 1 ? 'POST' : 'PUT', url: stored.version === 1 ? resourceType : `${resourceType}/${id}` },
        response: { status: stored.version === 1 ? '201 Created' : '200 OK', etag: etagOf(stored.version), location: versionPath(stored).slice('/fhir/'.length), ...(lastModified ? { lastModified } : {}) },
      }],
    }
    return reply.type(FHIR_JSON).send(history)
  })
}

function readElements(query: Record<string, string | string[]>, strict: boolean): string[] | undefined {
  for (const name of Object.keys(query)) if (strict && !READ_PARAMETERS.has(name)) throw fhirBadRequest('parameter not supported on read', /^[A-Za-z_]{1,40}$/.test(name) ? name : 'parameter')
  const raw = query._elements
  if (raw === undefined) return undefined
  const elements = [raw].flat().flatMap((v) => v.split(',')).map((e) => e.trim()).filter(Boolean)
  if (elements.some((e) => !/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(e))) throw fhirBadRequest('_elements names top-level elements', '_elements')
  return elements
}
